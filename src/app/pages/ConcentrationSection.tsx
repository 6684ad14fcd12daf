import { EmptyState, Heading, LineChart, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { PortfolioOverview } from '../../contracts/portfolio-overview.ts';
import { ListTable } from './ListTable.tsx';
import type { PageFormatters } from './overview-loader.tsx';
import { paretoRows } from './pareto-chart.ts';

// The 80/20 picture: how concentrated revenue is, and what each dependency puts at risk.
export function ConcentrationSection({
  concentration,
  format,
}: {
  concentration: PortfolioOverview['concentration'];
  format: PageFormatters;
}) {
  return (
    <>
      <Heading>Where the revenue comes from</Heading>
      <ParetoPicture pareto={concentration.pareto} format={format} />
      <Heading>Revenue at risk per key account</Heading>
      <Statistics>
        <StatisticsItem
          label="Resting on a single contract"
          number={format.money(concentration.revenueDependingOnOneContract)}
        />
        <StatisticsItem
          label="Held by one person of ours"
          number={format.money(concentration.revenueDependingOnOnePerson)}
        />
      </Statistics>
      <ListTable
        items={concentration.keyAccounts}
        empty="No key accounts are tagged yet."
        headers={['Key account', 'Revenue at risk', 'Share of portfolio', 'Largest contract', 'Held by']}
        rowKey={(risk) => risk.companyId}
        cells={(risk) => [
          risk.name,
          format.money(risk.revenueAtRisk),
          shareOrDash(risk.shareOfPortfolio, format),
          risk.largestDeal === null
            ? 'No contract in 12 months'
            : `${format.money(risk.largestDeal.amount)} (${format.share(risk.largestDeal.shareOfAccount, concentration.singleContractShareWarning)})${risk.dependsOnOneContract ? ' — single-contract risk' : ''}`,
          heldBy(risk),
        ]}
      />
      {concentration.onePersonDependence.map((dependence) => (
        <Text key={dependence.person.ownerId ?? dependence.person.name}>
          {`${dependence.person.name} alone holds ${format.money(dependence.revenue)} (${shareOrDash(dependence.shareOfPortfolio, format)}): ${dependence.accounts.map((a) => a.name).join(', ')}.`}
        </Text>
      ))}
      {concentration.keyAccountsWithoutRelationship.length > 0 && (
        <Text>{`Nobody of ours holds the relationship with ${concentration.keyAccountsWithoutRelationship.map((a) => a.name).join(', ')}.`}</Text>
      )}
    </>
  );
}

// The curve and its figures come from the snapshot the last complete recalculation stored.
function ParetoPicture({
  pareto,
  format,
}: {
  pareto: PortfolioOverview['concentration']['pareto'];
  format: PageFormatters;
}) {
  if (pareto === null) {
    return (
      <EmptyState title="No portfolio figures yet" imageName="building" layout="vertical">
        <Text>
          The Pareto curve, the top shares and the HHI come from the last recalculation to score every company. An admin
          can run it in Keystone settings (Recalculate the portfolio); the programme lists below do not wait for it.
        </Text>
      </EmptyState>
    );
  }
  if (pareto.totalRevenue === 0)
    return <Text>No revenue in the last 12 months yet: run a recalculation once deals are closed won.</Text>;
  return (
    <>
      <Text>
        {`${pareto.clientsForEightyPercentOfRevenue === null ? '—' : format.whole(pareto.clientsForEightyPercentOfRevenue)} of ${format.whole(pareto.clientCount)} clients (${shareOrDash(pareto.clientShareForEightyPercentOfRevenue, format)}) make 80% of the ${format.money(pareto.totalRevenue)} that all clients paid over 12 months.`}
      </Text>
      {/* The bound is a fraction of each share, so "up to 1% lower" holds read as points too: no share exceeds 100%. */}
      {pareto.shareErrorBound > 0 && (
        <Text variant="microcopy">{`These shares come from revenue bands, not each client's exact revenue, so each may be up to ${format.share(Math.ceil(pareto.shareErrorBound * 100) / 100)} lower than the exact figure.`}</Text>
      )}
      <LineChart
        data={paretoRows(pareto)}
        axes={{
          x: { field: 'clients', fieldType: 'linear', label: 'Clients, largest first (%)' },
          y: { field: 'revenue', fieldType: 'linear', label: 'Share of revenue (%)' },
          options: { groupFieldByColor: 'series' },
        }}
        options={{ title: 'Pareto curve', showLegend: true, showTooltips: true }}
      />
      <Statistics>
        {pareto.topPercentShares.map((top) => (
          <StatisticsItem
            key={top.percentOfClients}
            label={`Top ${top.percentOfClients}% of clients`}
            number={shareOrDash(top.revenueShare, format)}
          />
        ))}
        <StatisticsItem
          label="Herfindahl–Hirschman index"
          number={pareto.herfindahlHirschmanIndex === null ? '—' : format.whole(pareto.herfindahlHirschmanIndex)}
        >
          <Text variant="microcopy">Above 2,500 is highly concentrated</Text>
        </StatisticsItem>
      </Statistics>
    </>
  );
}

/** A share not measured yet (no portfolio revenue to measure it against) reads as a dash. */
function shareOrDash(value: number | null, format: PageFormatters): string {
  return value === null ? '—' : format.share(value);
}

/** Who of ours holds the relationship, as the account's card weighs it; the one it depends on comes first, named once. */
function heldBy(risk: PortfolioOverview['concentration']['keyAccounts'][number]): string {
  if (risk.heldBy === null) return 'Not weighed yet: the next recalculation weighs it';
  const [first, ...others] = risk.heldBy;
  if (!first) return 'Nobody';
  const names = (people: typeof others) => people.map((p) => p.name).join(', ');
  if (!risk.dependsOnOnePerson) return names(risk.heldBy);
  return `${first.name} holds most of it alone${others.length > 0 ? `; also ${names(others)}` : ''}`;
}
