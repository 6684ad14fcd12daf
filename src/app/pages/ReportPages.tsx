import { Divider, Flex, Link, Text, TextArea } from '@hubspot/ui-extensions';
import { PageLink, PageTitle, usePageRoute } from '@hubspot/ui-extensions/pages';
import { QuarterlyReportSection } from './QuarterlyReportSection.tsx';
import { Freshness, WithOverview } from './overview-loader.tsx';
import { reportCsv } from './report-csv.ts';
import { quarterFromParams, quartersAround, REPORT_PATHS, reportPath } from './report-quarters.ts';

// The quarterly programme report: pick a quarter, read it, export it as CSV or open the printable page.

// Links to the three quarters before the one shown, and to the one after it.
const QUARTERS_BEFORE = 3;

export function QuarterlyReportPage() {
  const { params } = usePageRoute();
  return (
    <WithOverview quarter={quarterFromParams(params)}>
      {(overview, format) => {
        const report = overview.quarterlyReport;
        const csv = reportCsv(report, format);
        const fileName = `keystone-report-${report.quarter.label.replace(' ', '-')}.csv`;
        return (
          <Flex direction="column" gap="large">
            <PageTitle>{`Quarterly programme report, ${report.quarter.label}`}</PageTitle>
            <Freshness overview={overview} format={format} />
            <Flex direction="row" gap="medium">
              <PageLink to={REPORT_PATHS.current}>Current quarter</PageLink>
              {quartersAround(report.quarter, QUARTERS_BEFORE).map((q) => (
                <PageLink
                  key={`${q.fiscalYear}-${q.quarter}`}
                  to={reportPath(q)}
                >{`Q${q.quarter} FY${q.fiscalYear}`}</PageLink>
              ))}
              <PageLink to={reportPath(report.quarter, true)}>Printable page</PageLink>
            </Flex>
            <QuarterlyReportSection report={report} format={format} />
            <Divider />
            <Text format={{ fontWeight: 'bold' }}>Export</Text>
            {/* HubSpot's Link has no download option: the file's name rides in the data URL's media type. */}
            <Link
              href={{
                url: `data:text/csv;charset=utf-8;name=${encodeURIComponent(fileName)},${encodeURIComponent(csv)}`,
                external: true,
              }}
            >{`Download ${fileName}`}</Link>
            <TextArea name="report-csv" label="CSV (select all and copy)" value={csv} readOnly rows={8} />
          </Flex>
        );
      }}
    </WithOverview>
  );
}

/** The same report without controls or chart, for the browser's print. */
export function PrintableReportPage() {
  const { params } = usePageRoute();
  return (
    <WithOverview quarter={quarterFromParams(params)}>
      {(overview, format) => (
        <Flex direction="column" gap="medium">
          <PageTitle>{`Key account programme, ${overview.quarterlyReport.quarter.label}`}</PageTitle>
          <Freshness overview={overview} format={format} />
          <QuarterlyReportSection report={overview.quarterlyReport} format={format} />
          <Text variant="microcopy">Print this page from your browser (Ctrl+P or ⌘P).</Text>
        </Flex>
      )}
    </WithOverview>
  );
}
