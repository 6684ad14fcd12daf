import { useEffect, useState } from 'react';

// The shell's pages live in the URL hash, so a reload (or a shared link) opens the same page.
// The app pages have their own path and query under `#/portfolio`, as under the app's URL in HubSpot.
export type Route =
  | { page: 'companies' }
  | { page: 'company'; companyId: string }
  | { page: 'settings' }
  | { page: 'portfolio'; path: string; params: Record<string, string> };

const PORTFOLIO = '/portfolio';

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const company = /^\/companies\/(\d+)$/.exec(path);
  if (company?.[1]) return { page: 'company', companyId: company[1] };
  if (path === '/settings') return { page: 'settings' };
  if (path === PORTFOLIO || path.startsWith(`${PORTFOLIO}/`)) {
    return {
      page: 'portfolio',
      path: path.slice(PORTFOLIO.length) || '/',
      params: Object.fromEntries(new URLSearchParams(query)),
    };
  }
  return { page: 'companies' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'company':
      return `#/companies/${route.companyId}`;
    case 'settings':
      return '#/settings';
    case 'portfolio': {
      const query = new URLSearchParams(route.params).toString();
      return `#${PORTFOLIO}${route.path === '/' ? '' : route.path}${query ? `?${query}` : ''}`;
    }
    default:
      return '#/companies';
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
