import { Divider, Flex, hubspot, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { createPageRouter, PageLink, PageRoutes, PageTitle } from '@hubspot/ui-extensions/pages';
import type { ReactNode } from 'react';
import type { PortfolioOverview, PortfolioOverviewParameters } from '../functions/portfolio-contract.ts';
import type { Ok } from '../ui/function-call.ts';
import { createFormatters, portalFormat, type Formatters } from '../ui/format.ts';
import { ConcentrationSection } from './ConcentrationSection.tsx';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';
import { PORTFOLIO_FUNCTION } from './portfolio-functions.ts';
import { ProgrammeSection } from './ProgrammeSection.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';

// Keystone's app pages (opened from the Marketplace menu): the portfolio at once for the people who run
// the key account programme.

export const PAGE_PATHS = { home: '/' } as const;

function Layout({ children }: { children: ReactNode }) {
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="medium">
        <PageLink to={PAGE_PATHS.home}>Portfolio</PageLink>
      </Flex>
      {children}
    </Flex>
  );
}

/** Loads the overview for the signed-in user and hands it to a page, with formatters for the portal. */
function WithOverview({ children }: { children: (overview: PortfolioOverview, format: Formatters, portalId: number) => ReactNode }) {
  const context = useExtensionContext<'pages'>();
  const parameters: PortfolioOverviewParameters = { userId: context.user.id };
  const { state, reload } = useFunctionQuery<Ok<PortfolioOverview>>(PORTFOLIO_FUNCTION.portfolioOverview, parameters);
  if (state.status === 'error') return <LoadFailed title="Keystone could not load the portfolio" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="the portfolio" />;
  const overview = state.answer;
  const format = createFormatters(portalFormat(context, overview.portal));
  return <>{children(overview, format, context.portal.id)}</>;
}

export function Freshness({ overview, format }: { overview: PortfolioOverview; format: Formatters }) {
  const { freshness } = overview;
  const scored = freshness.newestScoredAt === null
    ? 'No company has been scored yet: run a recalculation in Keystone\'s settings.'
    : `Scores from the last recalculation, ${format.date(freshness.oldestScoredAt!)}${freshness.oldestScoredAt === freshness.newestScoredAt ? '' : ` to ${format.date(freshness.newestScoredAt)}`}.`;
  const unscored = freshness.unscored > 0 ? ` ${freshness.unscored} of ${freshness.companiesRead} companies have never been scored.` : '';
  const partial = freshness.complete ? '' : ` The portal is too large to read at once: these figures cover the first ${freshness.companiesRead} companies.`;
  return <Text variant="microcopy">{`${scored}${unscored}${partial}`}</Text>;
}

export function PortfolioHome() {
  return (
    <WithOverview>
      {(overview, format, portalId) => (
        <Flex direction="column" gap="large">
          <PageTitle>Key account portfolio</PageTitle>
          <Freshness overview={overview} format={format} />
          <ConcentrationSection concentration={overview.concentration} format={format} />
          <Divider />
          <ProgrammeSection overview={overview} format={format} portalId={portalId} />
          <Divider />
          <ReviewsSection overview={overview} format={format} portalId={portalId} />
        </Flex>
      )}
    </WithOverview>
  );
}

export const PortfolioRouter = createPageRouter(
  <PageRoutes layoutComponent={Layout}>
    <PageRoutes.IndexRoute component={PortfolioHome} id="home" />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <PortfolioRouter />);
