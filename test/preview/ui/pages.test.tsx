import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AppPageHost,
  createPageRouter,
  PageLink,
  PageRoutes,
  PageTitle,
  usePageRoute,
  type AppPageLocation,
} from '../../../preview/ui/pages.tsx';

// The app pages' router in the preview, rendered at a path the shell hands it.

const aLocation = (overrides: Partial<AppPageLocation> = {}): AppPageLocation => ({
  path: '/',
  params: {},
  hrefOf: (path, params = {}) =>
    `#/app${path}${Object.keys(params).length > 0 ? `?${new URLSearchParams(params).toString()}` : ''}`,
  ...overrides,
});

function ShowRoute() {
  const route = usePageRoute();
  return <>{`${route.routeId ?? 'no id'} ${route.path} ${new URLSearchParams(route.params).toString()}`}</>;
}
const Home = () => <>home</>;
const Frame = ({ children }: { children: ReactNode }) => <section>{children}</section>;
const Inner = ({ children }: { children: ReactNode }) => <article>{children}</article>;

const Router = createPageRouter(
  <PageRoutes layoutComponent={Frame}>
    <PageRoutes.IndexRoute component={Home} id="home" />
    <PageRoutes.Route path="/report/:year/:quarter" component={ShowRoute} id="quarter" />
    <PageRoutes.Route path="/report/:year" component={ShowRoute} id="year" />
    <PageRoutes path="/report" layoutComponent={Inner}>
      <PageRoutes.Route path="/print" component={ShowRoute} id="print" />
    </PageRoutes>
    <PageRoutes.AnyRoute component={ShowRoute} id="anything" />
  </PageRoutes>,
);

const at = (location: Partial<AppPageLocation>, element: ReactNode = <Router />) =>
  renderToStaticMarkup(<AppPageHost location={aLocation(location)}>{element}</AppPageHost>);

describe('the app pages router in the preview', () => {
  it('renders the index route inside its layout', () => {
    expect(at({ path: '/' })).toBe('<section>home</section>');
  });

  it("hands a route its path parameters with the page's query parameters", () => {
    expect(at({ path: '/report/2026/3', params: { view: 'all' } })).toBe(
      '<section>quarter /report/2026/3 year=2026&amp;quarter=3&amp;view=all</section>',
    );
  });

  it('nests the layouts of nested routes, and prefers fixed segments to parameters', () => {
    expect(at({ path: '/report/print' })).toBe('<section><article>print /report/print </article></section>');
    expect(at({ path: '/report/2026' })).toBe('<section>year /report/2026 year=2026</section>');
  });

  it('falls back to the any route for a path no other route matches', () => {
    expect(at({ path: '/report/2026/3/extra' })).toBe('<section>anything /report/2026/3/extra </section>');
  });

  it('says the page does not exist when no route matches', () => {
    const Only = createPageRouter(
      <PageRoutes>
        <PageRoutes.IndexRoute component={Home} />
      </PageRoutes>,
    );
    expect(at({ path: '/missing' }, <Only />)).toContain('This app page does not exist.');
  });

  it('fails when it renders, not when it is made, on a duplicate route id', () => {
    const Duplicate = createPageRouter(
      <PageRoutes>
        <PageRoutes.IndexRoute component={Home} id="home" />
        <PageRoutes.Route path="/other" component={Home} id="home" />
      </PageRoutes>,
    );
    expect(() => at({}, <Duplicate />)).toThrow('Duplicate route id: "home"');
  });

  it('links to a page through the shell, with query parameters, marking the current one', () => {
    expect(at({ path: '/report' }, <PageLink to="/report">Report</PageLink>)).toBe(
      '<a class="hs-link" href="#/app/report" aria-current="page">Report</a>',
    );
    expect(
      at(
        { path: '/report' },
        <PageLink to="/" params={{ tab: 'risks' }}>
          Home
        </PageLink>,
      ),
    ).toBe('<a class="hs-link" href="#/app/?tab=risks">Home</a>');
  });

  it('shows the page title as the heading of the page', () => {
    expect(at({}, <PageTitle>Key account portfolio</PageTitle>)).toBe(
      '<h1 class="hs-page-title">Key account portfolio</h1>',
    );
  });

  it('says so when a page hook or link is used outside the app pages', () => {
    expect(() => renderToStaticMarkup(<ShowRoute />)).toThrow(
      'usePageRoute must be used within a PageRouter made by createPageRouter',
    );
    expect(() => renderToStaticMarkup(<PageLink to="/">Home</PageLink>)).toThrow(
      'PageLink was used outside the app pages the preview is rendering',
    );
  });
});
