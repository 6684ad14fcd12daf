export { loadSettings, loadSettingsRecord, saveSettings, storedSettingsOf, type SettingsChange, type StoredSettings } from './settings-store.ts';
