import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import type {
  MatchedPageRoute,
  PageLinkProps,
  PageRoutesLayoutComponent,
  PageRoutesProps,
  PageTitleProps,
  RouteProps,
} from '@hubspot/ui-extensions/pages';
import { EmptyState } from './components/feedback.tsx';
import { Text } from './components/content.tsx';

// The preview's implementation of `@hubspot/ui-extensions/pages`: the app pages' router, reading the
// page path and query from the preview's own URL (the shell provides it), and its links and title.
// PageHeader and PageBreadcrumbs are not implemented: they render as unknown components.

/** Where the app pages are: their path and query parameters, and how the shell links to another page. */
export type AppPageLocation = {
  path: string;
  params: Record<string, string>;
  hrefOf: (path: string, params?: Record<string, string>) => string;
};
const LocationContext = createContext<AppPageLocation | null>(null);
const RouteContext = createContext<MatchedPageRoute | null>(null);

export function AppPageHost({ location, children }: { location: AppPageLocation; children: ReactNode }) {
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>;
}

function useAppPageLocation(hookName: string): AppPageLocation {
  const location = useContext(LocationContext);
  if (!location) throw new Error(`${hookName} was used outside the app pages the preview is rendering`);
  return location;
}

// Route descriptors: createPageRouter reads their props, they never render.
type RouteDescriptor = { component: ComponentType; id?: string };
export function PageRoutes(_props: PageRoutesProps): null {
  return null;
}
PageRoutes.IndexRoute = function IndexRoute(_props: RouteDescriptor): null {
  return null;
};
PageRoutes.Route = function Route(_props: RouteProps): null {
  return null;
};
PageRoutes.AnyRoute = function AnyRoute(_props: RouteDescriptor): null {
  return null;
};

type Segment = { kind: 'static'; text: string } | { kind: 'param'; name: string };
type PageRoute = {
  segments: Segment[];
  any: boolean;
  component: ComponentType;
  layouts: PageRoutesLayoutComponent[];
  id?: string;
};

const segmentsOf = (path: string): string[] => path.split('/').filter((part) => part !== '');

function flatten(element: ReactNode, prefix: string, layouts: PageRoutesLayoutComponent[], routes: PageRoute[]) {
  Children.forEach(element, (child) => {
    if (!isValidElement(child)) return;
    const props = child.props as Partial<PageRoutesProps & RouteProps>;
    if (child.type === PageRoutes) {
      flatten(
        props.children,
        prefix + (props.path ?? ''),
        props.layoutComponent ? [...layouts, props.layoutComponent] : layouts,
        routes,
      );
      return;
    }
    const path = child.type === PageRoutes.Route ? prefix + (props.path ?? '') : prefix;
    const known = [PageRoutes.IndexRoute, PageRoutes.Route, PageRoutes.AnyRoute] as unknown[];
    if (!known.includes(child.type))
      throw new Error(
        'createPageRouter accepts only PageRoutes, PageRoutes.IndexRoute, PageRoutes.Route and PageRoutes.AnyRoute',
      );
    if (props.id !== undefined && routes.some((route) => route.id === props.id))
      throw new Error(`Duplicate route id: "${props.id}"`);
    const segments = segmentsOf(path).map(
      (part): Segment =>
        part.startsWith(':') ? { kind: 'param', name: part.slice(1) } : { kind: 'static', text: part },
    );
    routes.push({
      segments,
      any: child.type === PageRoutes.AnyRoute,
      component: props.component as ComponentType,
      layouts,
      id: props.id,
    });
  });
}

// A route's parameters when it matches the path, else null.
function match(route: PageRoute, parts: string[]): Record<string, string> | null {
  if (route.any ? parts.length < route.segments.length : parts.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const part = parts[index]!;
    if (segment.kind === 'static' && segment.text !== part) return null;
    if (segment.kind === 'param') params[segment.name] = decodeURIComponent(part);
  }
  return params;
}

// Fixed segments beat parameters, and any route beats AnyRoute, wherever they are declared.
const specificity = (route: PageRoute) =>
  route.any ? -1 : route.segments.filter((segment) => segment.kind === 'static').length;

export function createPageRouter(routesElement: ReactElement) {
  // As HubSpot does, a bad route tree fails when the router renders, inside the extension's frame.
  let routes: PageRoute[] | Error;
  try {
    routes = [];
    flatten(routesElement, '', [], routes);
    routes.sort((a, b) => specificity(b) - specificity(a));
  } catch (error) {
    routes = error as Error;
  }
  return function PageRouter() {
    if (routes instanceof Error) throw routes;
    const location = useAppPageLocation('PageRouter');
    const parts = segmentsOf(location.path);
    const found = routes
      .map((route) => ({ route, params: match(route, parts) }))
      .find((candidate) => candidate.params !== null);
    const matched: MatchedPageRoute = found
      ? { routeId: found.route.id, path: location.path, params: { ...found.params, ...location.params } }
      : { path: location.path, params: location.params };
    const content = found ? (
      found.route.layouts.reduceRight<ReactNode>((node, Layout) => <Layout>{node}</Layout>, <found.route.component />)
    ) : (
      <EmptyState title="Page not found" layout="vertical" reverseOrder>
        <Text>This app page does not exist.</Text>
      </EmptyState>
    );
    return <RouteContext.Provider value={matched}>{content}</RouteContext.Provider>;
  };
}

export function usePageRoute(): MatchedPageRoute {
  const route = useContext(RouteContext);
  if (!route) throw new Error('usePageRoute must be used within a PageRouter made by createPageRouter');
  return route;
}

export function PageLink({ to, params, children }: PageLinkProps) {
  const location = useAppPageLocation('PageLink');
  const href = location.hrefOf(to, params);
  const current = location.hrefOf(location.path, location.params) === href;
  return (
    <a className="hs-link" href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

// HubSpot shows the title in its page header; the preview puts it at the top of the page and in the tab.
export function PageTitle({ children }: PageTitleProps) {
  useEffect(() => {
    const shellTitle = document.title;
    document.title = `${children} · ${shellTitle}`;
    return () => {
      document.title = shellTitle;
    };
  }, [children]);
  return <h1 className="hs-page-title">{children}</h1>;
}
