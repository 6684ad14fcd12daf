import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtensionHost, hubspot, showRecord, takeRegisteredExtensions, useExtensionContext, type ExtensionContext } from '../../../preview/ui/host.tsx';

const aContext = (overrides: Partial<ExtensionContext> = {}): ExtensionContext =>
  ({
    location: 'crm.record.tab',
    user: { id: 7, email: 'dana@example.com', emails: ['dana@example.com'], firstName: 'Dana', lastName: 'Manager', roles: [], teams: [], permissions: [] },
    portal: { id: 123, timezone: 'Europe/London' },
    crm: { objectId: 42, objectTypeId: '0-2' },
    ...overrides,
  }) as ExtensionContext;

function WhoAmI() {
  const context = useExtensionContext();
  return <>{context.user.email}</>;
}

const answer = (body: unknown) => vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body)));

afterEach(() => {
  vi.unstubAllGlobals();
  showRecord(null);
});

describe('the preview host', () => {
  it('gives an extension the context of the user it is viewed as', () => {
    expect(renderToStaticMarkup(<ExtensionHost context={aContext()} actions={{}}><WhoAmI /></ExtensionHost>)).toBe('dana@example.com');
  });

  it('says so when a hook is used outside an extension', () => {
    expect(() => renderToStaticMarkup(<WhoAmI />)).toThrow('useExtensionContext was called outside an extension the preview is rendering');
  });

  it('hands out the extensions registered with hubspot.extend, in order, once', () => {
    const first = () => <>first</>;
    const second = () => <>second</>;
    hubspot.extend(first);
    hubspot.extend(second);
    expect(takeRegisteredExtensions()).toEqual([first, second]);
    expect(takeRegisteredExtensions()).toEqual([]);
  });

  it('runs a serverless function through the preview server, for the record on show', async () => {
    const fetch = answer({ ok: true, result: { status: 'ok', score: 82 } });
    vi.stubGlobal('fetch', fetch);
    showRecord({ objectTypeId: '0-2', objectId: 42 });
    await expect(hubspot.serverless('card_data', { parameters: { companyId: '42' }, propertiesToSend: ['name'] })).resolves.toEqual({ status: 'ok', score: 82 });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/serverless/card_data');
    expect(JSON.parse(String(init?.body))).toEqual({ parameters: { companyId: '42' }, propertiesToSend: ['name'], record: { objectTypeId: '0-2', objectId: 42 } });
  });

  it('rejects a serverless call with the message of a function that failed', async () => {
    vi.stubGlobal('fetch', answer({ ok: false, message: 'card_data threw: HubSpot is unavailable' }));
    await expect(hubspot.serverless('card_data')).rejects.toThrow('card_data threw: HubSpot is unavailable');
  });
});
