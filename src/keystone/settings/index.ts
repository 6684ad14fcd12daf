export { loadSettings, loadSettingsRecord, saveSettings, storedSettingsOf } from './settings-store.ts';
export { latestAdminActions, recordAdminAction } from './admin-log.ts';
