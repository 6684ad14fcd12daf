// A tiny method + path router. Patterns use `:name` segments; a trailing slash is ignored
// (the official client asks for `/crm/v3/owners/`).

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
}

export interface Route<Context> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  handle(request: ApiRequest, context: Context): ApiResponse;
}

export interface RouteMatch<Context> {
  route: Route<Context>;
  params: Record<string, string>;
  /** The pattern with object-type segments filled in, e.g. `POST /crm/v3/objects/companies/search`: what statistics count. */
  name: string;
}

const TYPE_PARAMS = new Set(['type', 'toType', 'fromType', 'objectType']);

export function createRouter<Context>(routes: Route<Context>[]) {
  const compiled = routes.map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }));
  return {
    /** `undefined` when no route has this path; `'method'` when the path exists for another method. */
    match(method: string, path: string): RouteMatch<Context> | 'method' | undefined {
      const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
      let pathExists = false;
      for (const { route, segments } of compiled) {
        if (segments.length !== parts.length) continue;
        const params: Record<string, string> = {};
        const fits = segments.every((segment, i) => {
          const part = parts[i]!;
          if (segment.startsWith(':')) params[segment.slice(1)] = part;
          return segment.startsWith(':') ? part.length > 0 : segment === part;
        });
        if (!fits) continue;
        if (route.method !== method) {
          pathExists = true;
          continue;
        }
        const name = segments
          .map((s) => (s.startsWith(':') && TYPE_PARAMS.has(s.slice(1)) ? params[s.slice(1)] : s))
          .join('/');
        return { route, params, name: `${method} /${name}` };
      }
      return pathExists ? 'method' : undefined;
    },
  };
}

/** A query parameter given repeated (`a=1&a=2`, as the client sends arrays) or as a comma list. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
}
