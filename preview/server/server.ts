import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PreviewBundle } from '../build/bundle.ts';
import { serverlessCallSchema, type ServerlessCall } from './app-functions.ts';
import type { CompanyRow, PortalInfo, PreviewUser } from './portal.ts';

// The preview's web server: the page, the bundle, and a small JSON API over the app functions and
// the portal. Bound to 127.0.0.1 only.

export type PreviewPortal = {
  companies: (query: string) => Promise<CompanyRow[]>;
  /** A record as the cards' CRM data hooks read it, in the signed-in user's own session. */
  sessionRecord: (read: {
    objectType: string;
    id: string;
    properties: string[];
    userId: number;
  }) => Promise<Record<string, string | null>>;
  users: () => Promise<PreviewUser[]>;
  portal: () => Promise<PortalInfo>;
};

export type PreviewServerOptions = {
  port?: number;
  bundle: PreviewBundle;
  portal: PreviewPortal;
  runFunction: (uid: string, call: ServerlessCall) => Promise<unknown>;
};

export type RunningPreview = { url: string; close: () => Promise<void> };

const pageHtml = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Keystone preview</title>
<link rel="stylesheet" href="/preview.css">
</head>
<body>
<div id="root"></div>
<script src="/preview.js"></script>
</body>
</html>`;

class BadRequest extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not JSON');
  }
}

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
};
const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startPreviewServer({
  port = 0,
  bundle,
  portal,
  runFunction,
}: PreviewServerOptions): Promise<RunningPreview> {
  const routes: Array<
    [
      method: string,
      pattern: RegExp,
      handle: (match: RegExpMatchArray, url: URL, req: IncomingMessage) => Promise<unknown>,
    ]
  > = [
    [
      'GET',
      /^\/api\/session$/,
      async () => ({ portal: await portal.portal(), users: await portal.users(), extensions: bundle.extensions }),
    ],
    [
      'GET',
      /^\/api\/companies$/,
      async (_match, url) => ({ companies: await portal.companies((url.searchParams.get('q') ?? '').trim()) }),
    ],
    [
      'GET',
      /^\/api\/records\/([\w-]+)\/(\d+)$/,
      async ([, type, id], url) => {
        const userId = Number(url.searchParams.get('userId'));
        if (!Number.isInteger(userId) || userId <= 0)
          throw new BadRequest('A record is read as a signed-in user: userId');
        return {
          properties: await portal.sessionRecord({
            objectType: type ?? '',
            id: id ?? '',
            properties: (url.searchParams.get('properties') ?? '').split(',').filter(Boolean),
            userId,
          }),
        };
      },
    ],
    [
      'POST',
      /^\/api\/serverless\/([\w.-]+)$/,
      async ([, uid], _url, req) => {
        const call = serverlessCallSchema.safeParse(await readJson(req));
        if (!call.success)
          throw new BadRequest(
            `Bad serverless call: ${call.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
          );
        return { result: await runFunction(uid ?? '', call.data) };
      },
    ],
  ];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html'))
      return send(res, 200, 'text/html; charset=utf-8', pageHtml());
    if (req.method === 'GET' && url.pathname === '/preview.js')
      return send(res, 200, 'text/javascript; charset=utf-8', bundle.script);
    if (req.method === 'GET' && url.pathname === '/preview.css')
      return send(res, 200, 'text/css; charset=utf-8', bundle.stylesheet);
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    for (const [method, pattern, route] of routes) {
      const match = url.pathname.match(pattern);
      if (!match || req.method !== method) continue;
      try {
        return json(res, 200, { ok: true, ...((await route(match, url, req)) as object) });
      } catch (error) {
        return json(res, error instanceof BadRequest ? 400 : 500, { ok: false, message: messageOf(error) });
      }
    }
    return json(res, 404, { ok: false, message: `Nothing at ${req.method} ${url.pathname}` });
  };

  const server = createServer(
    (req, res) =>
      void handle(req, res).catch((error: unknown) => json(res, 500, { ok: false, message: messageOf(error) })),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
