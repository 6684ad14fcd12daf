import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerlessCall } from '../../../preview/server/app-functions.ts';
import type { CompanyRow } from '../../../preview/server/portal.ts';
import { startPreviewServer, type PreviewPortal, type RunningPreview } from '../../../preview/server/server.ts';

const aCompany = (overrides: Partial<CompanyRow> = {}): CompanyRow => ({
  id: '7',
  name: 'Acme Ltd',
  domain: null,
  status: 'key',
  score: 81,
  suggestedStatus: 'key',
  ...overrides,
});
const aPortal = (overrides: Partial<PreviewPortal> = {}): PreviewPortal => ({
  companies: vi.fn(async () => [aCompany()]),
  sessionRecord: vi.fn(async () => ({ name: 'Acme Ltd' })),
  users: async () => [],
  portal: async () => ({ portalId: 99, timeZone: 'Europe/London', currency: 'GBP' }),
  ...overrides,
});
const bundle = {
  script: 'console.log("preview")',
  stylesheet: '.x{}',
  extensions: [{ uid: 'tab', kind: 'card' as const, location: 'crm.record.tab', title: 'Tab' }],
};

let running: RunningPreview | null = null;
const start = async (
  portal = aPortal(),
  runFunction = vi.fn(async (_uid: string, _call: ServerlessCall): Promise<unknown> => ({ status: 'ok' })),
) => {
  running = await startPreviewServer({ bundle, portal, runFunction });
  return { url: running.url, portal, runFunction };
};
afterEach(async () => {
  await running?.close();
  running = null;
});

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the preview server', () => {
  it('serves the page, the script and the stylesheet', async () => {
    const { url } = await start();
    expect(await (await fetch(url)).text()).toContain('<script src="/preview.js"></script>');
    expect(await (await fetch(`${url}/preview.js`)).text()).toBe(bundle.script);
    expect((await fetch(`${url}/preview.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('tells the shell about the portal, its users and the extensions', async () => {
    const { url } = await start();
    expect(await (await fetch(`${url}/api/session`)).json()).toEqual({
      ok: true,
      portal: { portalId: 99, timeZone: 'Europe/London', currency: 'GBP' },
      users: [],
      extensions: bundle.extensions,
    });
  });

  it('searches companies with the trimmed query', async () => {
    const { url, portal } = await start();
    expect(await (await fetch(`${url}/api/companies?q=%20acme%20`)).json()).toEqual({
      ok: true,
      companies: [aCompany()],
    });
    expect(portal.companies).toHaveBeenCalledWith('acme');
  });

  it("reads a record's properties in the signed-in user's session, and refuses a read without a user", async () => {
    const { url, portal } = await start();
    expect(await (await fetch(`${url}/api/records/companies/7?properties=name,domain&userId=3`)).json()).toEqual({
      ok: true,
      properties: { name: 'Acme Ltd' },
    });
    expect(portal.sessionRecord).toHaveBeenCalledWith({
      objectType: 'companies',
      id: '7',
      properties: ['name', 'domain'],
      userId: 3,
    });
    expect((await fetch(`${url}/api/records/companies/7?properties=name`)).status).toBe(400);
  });

  it("runs a serverless call and answers with the function's result", async () => {
    const { url, runFunction } = await start();
    const response = await post(
      `${url}/api/serverless/card_data`,
      JSON.stringify({ parameters: { companyId: '7' }, record: { objectTypeId: '0-2', objectId: 7 } }),
    );
    expect(await response.json()).toEqual({ ok: true, result: { status: 'ok' } });
    expect(runFunction).toHaveBeenCalledWith('card_data', {
      parameters: { companyId: '7' },
      propertiesToSend: [],
      record: { objectTypeId: '0-2', objectId: 7 },
    });
  });

  it('answers 500 with the message when a function throws', async () => {
    const { url } = await start(
      aPortal(),
      vi.fn(async () => Promise.reject(new Error('No app function has the uid "x"'))),
    );
    const response = await post(`${url}/api/serverless/x`, '{}');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ ok: false, message: 'No app function has the uid "x"' });
  });

  it('answers 400 and runs nothing for a body that is not JSON or not a call', async () => {
    const { url, runFunction } = await start();
    expect(await (await post(`${url}/api/serverless/x`, '{oops')).json()).toEqual({
      ok: false,
      message: 'The request body is not JSON',
    });
    const bad = await post(`${url}/api/serverless/x`, JSON.stringify({ propertiesToSend: 'name' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('propertiesToSend');
    expect(runFunction).not.toHaveBeenCalled();
  });

  it('answers 404 for anything else', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, message: 'Nothing at GET /api/nothing' });
  });
});
