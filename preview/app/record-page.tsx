import { useCallback, useEffect, useState } from 'react';
import { showRecord } from '../ui/host.tsx';
import { readCompany, type PreviewUser, type Session } from './api.ts';
import { ExtensionFrame, type LoadedExtension } from './extension-frame.tsx';
import { shownValue } from './property-display.ts';
import { hrefOf } from './routes.ts';

const ABOUT = [
  ['domain', 'Domain', 'text'],
  ['industry', 'Industry', 'option'],
  ['city', 'City', 'text'],
  ['annualrevenue', 'Annual revenue', 'money'],
  ['numberofemployees', 'Employees', 'count'],
] as const;

// A company record page laid out like HubSpot's: about the company on the left, the app's tab card in
// the middle, its sidebar cards on the right.
export function RecordPage({
  companyId,
  session,
  user,
  extensions,
}: {
  companyId: string;
  session: Session;
  user: PreviewUser;
  extensions: LoadedExtension[];
}) {
  const [company, setCompany] = useState<Record<string, string | null> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set while rendering: the cards' first serverless calls run in their effects, before this page's own.
  showRecord({ objectTypeId: '0-2', objectId: Number(companyId) });

  const readProperties = useCallback(
    (properties: string[]) => readCompany(companyId, properties, user.userId),
    [companyId, user.userId],
  );
  const loadCompany = useCallback(() => {
    readProperties(['name', ...ABOUT.map(([name]) => name)]).then(setCompany, (failure: Error) =>
      setError(failure.message),
    );
  }, [readProperties]);
  useEffect(loadCompany, [loadCompany]);

  const tabs = extensions.filter((extension) => extension.location === 'crm.record.tab');
  const sidebars = extensions.filter((extension) => extension.location === 'crm.record.sidebar');
  // A card's refreshObjectProperties reloads the page's properties and reaches every card's listeners.
  const [propertiesVersion, setPropertiesVersion] = useState(0);
  const propertiesChanged = useCallback(() => {
    loadCompany();
    setPropertiesVersion((version) => version + 1);
  }, [loadCompany]);
  const frame = { session, user, companyId, readProperties, onPropertiesChanged: propertiesChanged, propertiesVersion };

  return (
    <main className="preview-record">
      <aside className="preview-record__about" aria-label="About this company">
        <a href={hrefOf({ page: 'companies' })} className="preview-back">
          ‹ Companies
        </a>
        {error && <p role="alert">Could not load the company: {error}</p>}
        <h1>{company?.name ?? 'Loading…'}</h1>
        <dl>
          {ABOUT.map(([name, label, kind]) => (
            <div key={name}>
              <dt>{label}</dt>
              <dd>{shownValue(company?.[name], kind, session.portal.currency)}</dd>
            </div>
          ))}
        </dl>
      </aside>
      <div className="preview-record__middle">
        <nav className="preview-record__tabs" aria-label="Record tabs">
          <span>Overview</span>
          <span>Activities</span>
          {tabs.map((extension) => (
            <span key={extension.uid} aria-current="page" className="preview-record__tab--current">
              {extension.title}
            </span>
          ))}
        </nav>
        {tabs.map((extension) => (
          <ExtensionFrame key={`${extension.uid}-${user.userId}`} extension={extension} {...frame} />
        ))}
      </div>
      <aside className="preview-record__sidebar" aria-label="Sidebar cards">
        {sidebars.map((extension) => (
          <ExtensionFrame key={`${extension.uid}-${user.userId}`} extension={extension} {...frame} />
        ))}
      </aside>
    </main>
  );
}
