import { Component, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  ExtensionHost,
  OverlayHost,
  useOverlays,
  type ExtensionActions,
  type ExtensionContext,
  type RenderExtension,
} from '../ui/host.tsx';
import type { ExtensionInfo, PreviewUser, Session } from './api.ts';
import { PREVIEW_LOCALE } from './property-display.ts';

// One card (or the settings page) as HubSpot frames it: a titled box, the extension rendered with the
// context of the user the preview is viewed as, and the host actions the extension may call.

export type LoadedExtension = ExtensionInfo & { render: RenderExtension };
type Alert = { id: number; type: string; title?: string; message: string };
type PropertyListener = { properties: string[] | '*'; callback: (properties: Record<string, string>) => void };

export type FrameProps = {
  extension: LoadedExtension;
  session: Session;
  user: PreviewUser;
  companyId?: string;
  /** Reads the shown company's properties (fetchCrmObjectProperties, refreshObjectProperties). */
  readProperties?: (properties: string[]) => Promise<Record<string, string | null>>;
  /** Called when the extension asks the record page to refresh its properties. */
  onPropertiesChanged?: () => void;
  /** Counts the record page's property refreshes: each one reaches every card's onCrmPropertiesUpdate listeners, as in HubSpot. */
  propertiesVersion?: number;
};

export function buildContext({ extension, session, user, companyId }: FrameProps): ExtensionContext {
  const base = {
    location: extension.location,
    user: {
      id: user.userId,
      email: user.email,
      emails: [user.email],
      firstName: user.firstName,
      lastName: user.lastName,
      roles: [],
      teams: user.teams.map((team) => ({ ...team, teammates: [] })),
      locale: PREVIEW_LOCALE,
      language: 'en',
      // HubSpot grants this to users who may manage apps: the preview's admins.
      permissions: user.role === 'admin' ? ['integrations-management-write'] : [],
    },
    portal: { id: session.portal.portalId, timezone: session.portal.timeZone },
    extension: { appId: 'keystone-preview', appName: 'Keystone', cardTitle: extension.title },
  };
  return (
    companyId ? { ...base, crm: { objectId: Number(companyId), objectTypeId: '0-2' } } : base
  ) as ExtensionContext;
}

export function ExtensionFrame(props: FrameProps) {
  // "Reload page" remounts the extension, as a fresh page load would.
  const [generation, setGeneration] = useState(0);
  return (
    <section className="preview-card" aria-label={props.extension.title} data-extension={props.extension.uid}>
      <header className="preview-card__header">
        <h2>{props.extension.title}</h2>
      </header>
      <div className="preview-card__body">
        <ErrorBoundary key={generation} title={props.extension.title}>
          <OverlayHost>
            <HostedExtension {...props} reload={() => setGeneration((n) => n + 1)} />
          </OverlayHost>
        </ErrorBoundary>
      </div>
    </section>
  );
}

function HostedExtension({ reload, ...props }: FrameProps & { reload: () => void }) {
  const overlays = useOverlays();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const nextAlert = useRef(0);
  const listeners = useRef<PropertyListener[]>([]);
  const { extension, session, user, companyId, readProperties, onPropertiesChanged, propertiesVersion } = props;
  const context = useMemo(
    () => buildContext({ extension, session, user, companyId }),
    [extension, session, user, companyId],
  );

  const fetchProperties = useCallback(
    async (properties: string[] | '*') => {
      if (!readProperties) throw new Error('This extension is not on a CRM record');
      const values = await readProperties(properties === '*' ? ['name', 'domain'] : properties);
      return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value ?? '']));
    },
    [readProperties],
  );

  const notifyListeners = useCallback(() => {
    for (const listener of listeners.current) void fetchProperties(listener.properties).then(listener.callback);
  }, [fetchProperties]);
  const firstVersion = useRef(propertiesVersion);
  useEffect(() => {
    if (propertiesVersion !== firstVersion.current) notifyListeners();
  }, [propertiesVersion, notifyListeners]);

  const actions = useMemo<ExtensionActions>(
    () => ({
      addAlert: ({ type = 'info', title, message }: { type?: string; title?: string; message: string }) =>
        setAlerts((list) => [...list, { id: nextAlert.current++, type, title, message }]),
      reloadPage: reload,
      refreshObjectProperties: () => {
        // On a record page the page tells every card (this one too); elsewhere only this card listens.
        if (onPropertiesChanged) onPropertiesChanged();
        else notifyListeners();
      },
      fetchCrmObjectProperties: fetchProperties,
      onCrmPropertiesUpdate: (properties: string[] | '*', callback: PropertyListener['callback']) => {
        listeners.current.push({ properties, callback });
      },
      closeOverlay: (id: string) => overlays.close(id),
      copyTextToClipboard: (text: string) => navigator.clipboard.writeText(text),
      openIframeModal: ({ uri, title }: { uri: string; title?: string }) =>
        window.open(uri, '_blank', 'noopener')?.focus() ?? console.info(`[preview] ${title ?? 'iframe'}: ${uri}`),
      navigateToPage: ({ to }: { to: string }) =>
        setAlerts((list) => [
          ...list,
          {
            id: nextAlert.current++,
            type: 'info',
            message: `The preview does not follow navigateToPage; the card asked to open ${to}.`,
          },
        ]),
    }),
    [reload, fetchProperties, notifyListeners, onPropertiesChanged, overlays],
  );

  const element = useMemo(
    // The actions reach refs only when the card calls them, never while rendering.
    // eslint-disable-next-line react-hooks/refs
    () => extension.render({ context, actions, runServerlessFunction: undefined } as never),
    [extension, context, actions],
  );

  return (
    <ExtensionHost context={context} actions={actions}>
      {alerts.length > 0 && (
        <ul className="preview-alerts" aria-label="Alerts from the card">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className={`preview-alert preview-alert--${alert.type}`}
              role={alert.type === 'danger' ? 'alert' : 'status'}
            >
              {alert.title && <strong>{alert.title} </strong>}
              {alert.message}
              <button
                type="button"
                aria-label="Dismiss"
                onClick={() => setAlerts((list) => list.filter((item) => item.id !== alert.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {element}
    </ExtensionHost>
  );
}

// A card that throws shows its error in its own frame, as HubSpot does, instead of blanking the page.
class ErrorBoundary extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="preview-crash" role="alert">
        <strong>{this.props.title} crashed:</strong> {this.state.error.message}
      </div>
    );
  }
}
