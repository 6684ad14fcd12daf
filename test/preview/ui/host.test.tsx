import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ExtensionHost,
  hubspot,
  showRecord,
  showRecordsAt,
  takeRegisteredExtensions,
  useExtensionContext,
  type ExtensionContext,
} from '../../../preview/ui/host.tsx';
import { Link } from '../../../preview/ui/index.ts';

const aContext = (overrides: Partial<ExtensionContext> = {}): ExtensionContext =>
  ({
    location: 'crm.record.tab',
    user: {
      id: 7,
      email: 'dana@example.com',
      emails: ['dana@example.com'],
      firstName: 'Dana',
      lastName: 'Manager',
      roles: [],
      teams: [],
      permissions: [],
    },
    portal: { id: 123, timezone: 'Europe/London' },
    crm: { objectId: 42, objectTypeId: '0-2' },
    ...overrides,
  }) as ExtensionContext;

function WhoAmI() {
  const context = useExtensionContext();
  return <>{context.user.email}</>;
}

const answer = (body: unknown) =>
  vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body)));

afterEach(() => {
  vi.unstubAllGlobals();
  showRecord(null);
  showRecordsAt(() => null);
});

describe('the preview host', () => {
  it('gives an extension the context of the user it is viewed as', () => {
    expect(
      renderToStaticMarkup(
        <ExtensionHost context={aContext()} actions={{}}>
          <WhoAmI />
        </ExtensionHost>,
      ),
    ).toBe('dana@example.com');
  });

  it('says so when a hook is used outside an extension', () => {
    expect(() => renderToStaticMarkup(<WhoAmI />)).toThrow(
      'useExtensionContext was called outside an extension the preview is rendering',
    );
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
    await expect(
      hubspot.serverless('card_data', { parameters: { companyId: '42' }, propertiesToSend: ['name'] }),
    ).resolves.toEqual({ status: 'ok', score: 82 });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/serverless/card_data');
    expect(JSON.parse(String(init?.body))).toEqual({
      parameters: { companyId: '42' },
      propertiesToSend: ['name'],
      record: { objectTypeId: '0-2', objectId: 42 },
    });
  });

  it('rejects a serverless call with the message of a function that failed', async () => {
    vi.stubGlobal('fetch', answer({ ok: false, message: 'card_data threw: HubSpot is unavailable' }));
    await expect(hubspot.serverless('card_data')).rejects.toThrow('card_data threw: HubSpot is unavailable');
  });

  it("opens a link to a HubSpot record page on the preview's own record page, where the shell has one", () => {
    showRecordsAt(({ portalId, objectTypeId, objectId }) =>
      portalId === 123 && objectTypeId === '0-2' ? `#/companies/${objectId}` : null,
    );
    const link = (url: string) => renderToStaticMarkup(<Link href={{ url, external: true }}>open</Link>);
    expect(link('https://app.hubspot.com/contacts/123/record/0-2/42')).toBe(
      '<a class="hs-link hs-link--primary" href="#/companies/42">open</a>',
    );
    expect(link('https://app.hubspot.com/contacts/123/record/0-1/7')).toContain(
      'href="https://app.hubspot.com/contacts/123/record/0-1/7" target="_blank"',
    );
    expect(link('https://app.hubspot.com/contacts/999/record/0-2/42')).toContain(
      'href="https://app.hubspot.com/contacts/999/record/0-2/42" target="_blank"',
    );
  });
});
