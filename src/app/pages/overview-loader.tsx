import { Text, useExtensionContext } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import type { FiscalQuarter, PortfolioOverview } from '../../contracts/portfolio-overview.ts';
import { createFormatters, createShareFormatter, portalFormat, type Formatters } from '../ui/format.ts';
import { Loading, LoadFailed, useFunctionQuery } from './keystone-ui.ts';

/** The portal's formatters, with shares that never read across a line they are judged by (createShareFormatter). */
export type PageFormatters = Omit<Formatters, 'share'> & { share: ReturnType<typeof createShareFormatter> };

/** Loads the overview for the signed-in user (with the report for `quarter`) and hands it to a page, with formatters for the portal. */
export function WithOverview({
  quarter = null,
  children,
}: {
  quarter?: FiscalQuarter | null;
  children: (overview: PortfolioOverview, format: PageFormatters, portalId: number) => ReactNode;
}) {
  const context = useExtensionContext<'pages'>();
  const { state, reload } = useFunctionQuery('portfolio_overview', { userId: context.user.id, quarter });
  if (state.status === 'error')
    return <LoadFailed title="Keystone could not load the portfolio" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="the portfolio" />;
  const overview = state.answer;
  const portal = portalFormat(context, overview.portal);
  const format: PageFormatters = { ...createFormatters(portal), share: createShareFormatter(portal.locale) };
  return <>{children(overview, format, context.portal.id)}</>;
}

/** How fresh the figures are: when the last complete recalculation stored the portfolio snapshot, and how many companies it covers. */
export function Freshness({ overview, format }: { overview: PortfolioOverview; format: Formatters }) {
  const { snapshot, snapshotUnreadable } = overview.freshness;
  const text = snapshot
    ? `Portfolio figures from the last recalculation to score every company, ${format.date(snapshot.completedAt)}: ${format.whole(snapshot.companiesScored)} companies, revenue over the 12 months before ${format.date(snapshot.startedAt)}. Programme lists as they stand now.`
    : snapshotUnreadable
      ? `The stored portfolio figures cannot be read (${snapshotUnreadable}); the next recalculation to score every company replaces them. Programme lists as they stand now.`
      : 'No recalculation has completed yet. Programme lists as they stand now.';
  return <Text variant="microcopy">{text}</Text>;
}
