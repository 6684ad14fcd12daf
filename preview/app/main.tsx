import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { showRecordsAt } from '../ui/host.tsx';
import { extensions as registered } from 'keystone-preview:extensions';
import { loadSession, type Session } from './api.ts';
import { CompanyList } from './company-list.tsx';
import type { LoadedExtension } from './extension-frame.tsx';
import { RecordPage } from './record-page.tsx';
import { PortfolioPage } from './portfolio-page.tsx';
import { hrefOf, useRoute } from './routes.ts';
import { SettingsPage } from './settings-page.tsx';
import { ViewingAs } from './viewing-as.tsx';

// The preview shell: a HubSpot-like frame around the project's real cards, settings page and app pages.

const extensions = registered as LoadedExtension[];
const USER_KEY = 'keystone-preview:user';

function Preview() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [userId, setUserId] = useState(() => Number(window.localStorage.getItem(USER_KEY)) || null);

  useEffect(() => {
    loadSession().then(setSession, (failure: Error) => setError(failure.message));
  }, []);

  if (error) return <p role="alert">The preview could not start: {error}</p>;
  if (!session) return <p role="status">Starting the preview…</p>;
  // Until someone is chosen, the preview is viewed as the first admin.
  const user =
    session.users.find((candidate) => candidate.userId === userId) ??
    session.users.find((candidate) => candidate.role === 'admin') ??
    session.users[0];
  if (!user) return <p role="alert">The portal has no users to view the preview as.</p>;
  // The preview has a record page for the portal's companies: links to them stay in the preview.
  showRecordsAt(({ portalId, objectTypeId, objectId }) =>
    portalId === session.portal.portalId && objectTypeId === '0-2'
      ? hrefOf({ page: 'company', companyId: objectId })
      : null,
  );
  const chooseUser = (id: number) => {
    window.localStorage.setItem(USER_KEY, String(id));
    setUserId(id);
  };

  return (
    <>
      <header className="preview-nav">
        <span className="preview-nav__brand">Keystone</span>
        <nav aria-label="Preview">
          <a
            href={hrefOf({ page: 'companies' })}
            aria-current={route.page === 'companies' || route.page === 'company' ? 'page' : undefined}
          >
            Companies
          </a>
          <a
            href={hrefOf({ page: 'portfolio', path: '/', params: {} })}
            aria-current={route.page === 'portfolio' ? 'page' : undefined}
          >
            Portfolio
          </a>
          <a href={hrefOf({ page: 'settings' })} aria-current={route.page === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <span className="preview-nav__portal">Portal {session.portal.portalId} · local sandbox</span>
        <ViewingAs users={session.users} user={user} onChange={chooseUser} />
      </header>
      {route.page === 'companies' && <CompanyList />}
      {route.page === 'company' && (
        <RecordPage
          key={route.companyId}
          companyId={route.companyId}
          session={session}
          user={user}
          extensions={extensions}
        />
      )}
      {route.page === 'settings' && <SettingsPage session={session} user={user} extensions={extensions} />}
      {route.page === 'portfolio' && (
        <PortfolioPage path={route.path} params={route.params} session={session} user={user} extensions={extensions} />
      )}
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Preview />);
