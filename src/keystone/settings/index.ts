export { loadSettings, saveSettings, type SettingsChange, type StoredSettings } from './settings-store.ts';
