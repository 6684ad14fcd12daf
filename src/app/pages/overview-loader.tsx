import { Text, useExtensionContext } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import type { FiscalQuarter, PortfolioOverview, PortfolioOverviewParameters } from '../functions/portfolio-contract.ts';
import { createFormatters, portalFormat, type Formatters } from '../ui/format.ts';
import type { Ok } from '../ui/function-call.ts';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';
import { PORTFOLIO_FUNCTION } from './portfolio-functions.ts';

/** Loads the overview for the signed-in user (with the report for `quarter`) and hands it to a page, with formatters for the portal. */
export function WithOverview({ quarter = null, children }: { quarter?: FiscalQuarter | null; children: (overview: PortfolioOverview, format: Formatters, portalId: number) => ReactNode }) {
  const context = useExtensionContext<'pages'>();
  const parameters: PortfolioOverviewParameters = { userId: context.user.id, quarter };
  const { state, reload } = useFunctionQuery<Ok<PortfolioOverview>>(PORTFOLIO_FUNCTION.portfolioOverview, parameters);
  if (state.status === 'error') return <LoadFailed title="Keystone could not load the portfolio" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="the portfolio" />;
  const overview = state.answer;
  const format = createFormatters(portalFormat(context, overview.portal));
  return <>{children(overview, format, context.portal.id)}</>;
}

/** How fresh the figures are: when recalculation last scored, what it never scored, and whether the portal was read whole. */
export function Freshness({ overview, format }: { overview: PortfolioOverview; format: Formatters }) {
  const { freshness } = overview;
  const scored = freshness.newestScoredAt === null
    ? 'No company has been scored yet: run a recalculation in Keystone\'s settings.'
    : `Scores from the last recalculation, ${format.date(freshness.oldestScoredAt!)}${freshness.oldestScoredAt === freshness.newestScoredAt ? '' : ` to ${format.date(freshness.newestScoredAt)}`}.`;
  const unscored = freshness.unscored > 0 ? ` ${freshness.unscored} of ${freshness.companiesRead} companies have never been scored.` : '';
  const partial = freshness.complete ? '' : ` The portal is too large to list at once: the revenue concentration figures cover the first ${freshness.companiesRead} companies (every key account included); the programme lists are complete.`;
  return <Text variant="microcopy">{`${scored}${unscored}${partial}`}</Text>;
}
