import { showRecord } from '../ui/host.tsx';
import type { PreviewUser, Session } from './api.ts';
import { ExtensionFrame, type LoadedExtension } from './extension-frame.tsx';

// The app's settings page, as HubSpot shows it under Connected apps → Keystone → Settings.
export function SettingsPage({
  session,
  user,
  extensions,
}: {
  session: Session;
  user: PreviewUser;
  extensions: LoadedExtension[];
}) {
  // The settings page is on no record: its functions get no propertiesToSend.
  showRecord(null);
  const settings = extensions.filter((extension) => extension.kind === 'settings');
  return (
    <main className="preview-page preview-page--settings">
      <div className="preview-page__title">
        <h1>Keystone settings</h1>
      </div>
      {settings.map((extension) => (
        <ExtensionFrame key={`${extension.uid}-${user.userId}`} extension={extension} session={session} user={user} />
      ))}
    </main>
  );
}
