import { useEffect, useState } from 'react';

// The shell's pages live in the URL hash, so a reload (or a shared link) opens the same page.
export type Route = { page: 'companies'; query: string } | { page: 'company'; companyId: string } | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const company = /^\/companies\/(\d+)$/.exec(path);
  if (company?.[1]) return { page: 'company', companyId: company[1] };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'companies', query: new URLSearchParams(search).get('q') ?? '' };
}

export const hrefOf = (route: Route): string =>
  route.page === 'company' ? `#/companies/${route.companyId}` : route.page === 'settings' ? '#/settings' : `#/companies${route.query ? `?q=${encodeURIComponent(route.query)}` : ''}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
