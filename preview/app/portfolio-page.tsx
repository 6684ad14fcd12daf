import { useMemo } from 'react';
import { showRecord } from '../ui/host.tsx';
import { AppPageHost, type AppPageLocation } from '../ui/pages.tsx';
import type { PreviewUser, Session } from './api.ts';
import { ExtensionFrame, type LoadedExtension } from './extension-frame.tsx';
import { hrefOf } from './routes.ts';

// The app's pages, as HubSpot shows them from the Marketplace menu: the page router reads its path
// and query from the preview's URL, and its links lead back into it.
export function PortfolioPage({
  path,
  params,
  session,
  user,
  extensions,
}: {
  path: string;
  params: Record<string, string>;
  session: Session;
  user: PreviewUser;
  extensions: LoadedExtension[];
}) {
  // App pages are on no record: their functions get no propertiesToSend.
  showRecord(null);
  const location = useMemo<AppPageLocation>(
    () => ({ path, params, hrefOf: (to, query = {}) => hrefOf({ page: 'portfolio', path: to, params: query }) }),
    [path, params],
  );
  const pages = extensions.filter((extension) => extension.kind === 'pages');
  return (
    <main className="preview-page preview-page--app">
      {pages.length === 0 && <p role="status">This project has no app pages (src/app/pages/*-hsmeta.json).</p>}
      <AppPageHost location={location}>
        {pages.map((extension) => (
          <ExtensionFrame key={`${extension.uid}-${user.userId}`} extension={extension} session={session} user={user} />
        ))}
      </AppPageHost>
    </main>
  );
}
