import { createContext, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { ExtensionPointApi, ExtensionPointLocation, Reactions } from '@hubspot/ui-extensions';

// The preview's stand-in for HubSpot's extension host: what `useExtensionContext`,
// `useExtensionActions`, `hubspot.extend` and `hubspot.serverless` talk to in the browser.

type AnyApi = ExtensionPointApi<ExtensionPointLocation>;
export type ExtensionContext = AnyApi['context'];
export type ExtensionActions = Record<string, (...args: never[]) => unknown>;
export type RenderExtension = (api: AnyApi) => ReactElement;

type HostValue = { context: ExtensionContext; actions: ExtensionActions };
const HostContext = createContext<HostValue | null>(null);

export function ExtensionHost({ context, actions, children }: HostValue & { children: ReactNode }) {
  const value = useMemo(() => ({ context, actions }), [context, actions]);
  return <HostContext.Provider value={value}>{children}</HostContext.Provider>;
}

function useHost(hookName: string): HostValue {
  const host = useContext(HostContext);
  if (!host) throw new Error(`${hookName} was called outside an extension the preview is rendering`);
  return host;
}

export const useExtensionContext = () => useHost('useExtensionContext').context;
export const useExtensionActions = () => useHost('useExtensionActions').actions;
export const useExtensionApi = () => {
  const { context, actions } = useHost('useExtensionApi');
  return { context, actions, runServerlessFunction: runServerlessFunctionDeprecated };
};

// `hubspot.extend` runs when a card module is evaluated; the preview's bundle imports the card
// modules in a known order, so each call is matched to its card by position.
const registeredExtensions: RenderExtension[] = [];
export const takeRegisteredExtensions = (): RenderExtension[] => registeredExtensions.splice(0);

// HubSpot reads `propertiesToSend` from the record the card is on; the preview shows one record at a time.
let shownRecord: { objectTypeId: string; objectId: number } | null = null;
export const showRecord = (record: typeof shownRecord) => {
  shownRecord = record;
};
export const currentRecord = () => shownRecord;

// Links to a record page in HubSpot (https://app.hubspot.com/contacts/<portal>/record/<type>/<id>) open
// the preview's own record page, where the shell has one (it says where with showRecordsAt).
type RecordHref = (record: { portalId: number; objectTypeId: string; objectId: string }) => string | null;
let recordHref: RecordHref = () => null;
export const showRecordsAt = (href: RecordHref) => {
  recordHref = href;
};
export function previewHrefOf(url: string): string | null {
  const record = /^https:\/\/app\.hubspot\.com\/contacts\/(\d+)\/record\/([\d-]+)\/([^/?#]+)\/?$/.exec(url);
  return record
    ? recordHref({ portalId: Number(record[1]), objectTypeId: record[2]!, objectId: decodeURIComponent(record[3]!) })
    : null;
}

type ServerlessOptions = { parameters?: Record<string, unknown>; propertiesToSend?: string[] };

async function serverless<T = unknown>(uid: string, options: ServerlessOptions = {}): Promise<T> {
  const response = await fetch(`/api/serverless/${encodeURIComponent(uid)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      parameters: options.parameters ?? {},
      propertiesToSend: options.propertiesToSend ?? [],
      record: shownRecord,
    }),
  });
  const body = (await response.json()) as { ok: true; result: T } | { ok: false; message: string };
  if (!body.ok) throw new Error(body.message);
  return body.result;
}

async function runServerlessFunctionDeprecated(args: {
  name: string;
  parameters?: Record<string, unknown>;
  propertiesToSend?: string[];
}) {
  try {
    return { status: 'SUCCESS', response: await serverless(args.name, args) };
  } catch (error) {
    return { status: 'ERROR', message: (error as Error).message };
  }
}

export const hubspot = {
  extend: (render: RenderExtension) => {
    registeredExtensions.push(render);
  },
  serverless,
  fetch: () => Promise.reject(new Error('hubspot.fetch calls your own HTTPS backend; the preview has none')),
};

export const logger = {
  debug: (data: string | number) => console.debug('[card]', data),
  info: (data: string | number) => console.info('[card]', data),
  warn: (data: string | number) => console.warn('[card]', data),
  error: (data: string | number) => console.error('[card]', data),
};

// Modals and panels open by id (a button's `overlay`, reactions, `actions.closeOverlay`).
type OverlayState = { isOpen: (id: string) => boolean; open: (id: string) => void; close: (id: string) => void };
const OverlayContext = createContext<OverlayState>({
  isOpen: () => false,
  open: () => undefined,
  close: () => undefined,
});

export function OverlayHost({ children }: { children: ReactNode }) {
  const [openIds, setOpenIds] = useState<string[]>([]);
  const overlays = useMemo<OverlayState>(
    () => ({
      isOpen: (id) => openIds.includes(id),
      open: (id) => setOpenIds((ids) => (ids.includes(id) ? ids : [...ids, id])),
      close: (id) => setOpenIds((ids) => ids.filter((openId) => openId !== id)),
    }),
    [openIds],
  );
  return <OverlayContext.Provider value={overlays}>{children}</OverlayContext.Provider>;
}

export const useOverlays = () => useContext(OverlayContext);

export function useReactions(): Reactions {
  const overlays = useOverlays();
  return { openModal: overlays.open, closeModal: overlays.close, openPanel: overlays.open, closePanel: overlays.close };
}

// The event object HubSpot hands to click and submit handlers (`ExtensionEvent`).
export function extensionEvent(event: { type: string; bubbles: boolean; timeStamp: number }) {
  return { type: event.type, bubbles: event.bubbles, timeStamp: event.timeStamp, id: crypto.randomUUID() };
}
