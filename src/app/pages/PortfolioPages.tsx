import { Divider, Flex, hubspot } from '@hubspot/ui-extensions';
import { createPageRouter, PageLink, PageRoutes, PageTitle } from '@hubspot/ui-extensions/pages';
import type { ReactNode } from 'react';
import { ConcentrationSection } from './ConcentrationSection.tsx';
import { Freshness, WithOverview } from './overview-loader.tsx';
import { ProgrammeSection } from './ProgrammeSection.tsx';
import { REPORT_PATHS } from './report-quarters.ts';
import { PrintableReportPage, QuarterlyReportPage } from './ReportPages.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';

// Keystone's app pages (opened from the Marketplace menu): the portfolio at once for the people who run
// the key account programme.

const PAGE_PATHS = { home: '/' } as const;

function Layout({ children }: { children: ReactNode }) {
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="medium">
        <PageLink to={PAGE_PATHS.home}>Portfolio</PageLink>
        <PageLink to={REPORT_PATHS.current}>Quarterly report</PageLink>
      </Flex>
      {children}
    </Flex>
  );
}

function PortfolioHome() {
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
    <PageRoutes.Route path={REPORT_PATHS.current} component={QuarterlyReportPage} id="report" />
    <PageRoutes.Route path={REPORT_PATHS.currentPrint} component={PrintableReportPage} id="report-print" />
    <PageRoutes.Route path={REPORT_PATHS.chosen} component={QuarterlyReportPage} id="report-quarter" />
    <PageRoutes.Route path={REPORT_PATHS.chosenPrint} component={PrintableReportPage} id="report-quarter-print" />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <PortfolioRouter />);
