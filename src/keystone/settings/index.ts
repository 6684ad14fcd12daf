export { loadSettings, loadSettingsRecord, saveSettings, storedSettingsOf } from './settings-store.ts';
