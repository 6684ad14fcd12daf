import { useEffect, useState } from 'react';

// The shell's pages live in the URL hash, so a reload (or a shared link) opens the same page.
export type Route = { page: 'companies' } | { page: 'company'; companyId: string } | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const company = /^\/companies\/(\d+)$/.exec(path);
  if (company?.[1]) return { page: 'company', companyId: company[1] };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'companies' };
}

export const hrefOf = (route: Route): string =>
  route.page === 'company' ? `#/companies/${route.companyId}` : route.page === 'settings' ? '#/settings' : '#/companies';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
