import { EmptyState, Heading, LineChart, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { PortfolioOverview } from '../../contracts/portfolio-overview.ts';
import type { Formatters } from '../ui/format.ts';
import { ListTable } from './ListTable.tsx';
import { paretoRows } from './pareto-chart.ts';

// The 80/20 picture: how concentrated revenue is, and what each dependency puts at risk.
export function ConcentrationSection({
  concentration,
  format,
}: {
  concentration: PortfolioOverview['concentration'];
  format: Formatters;
}) {
  const share = (value: number | null) => (value === null ? '—' : format.share(value));
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
          share(risk.shareOfPortfolio),
          risk.largestDeal === null
            ? 'No contract in 12 months'
            : `${format.money(risk.largestDeal.amount)} (${format.share(risk.largestDeal.shareOfAccount)})${risk.dependsOnOneContract ? ' — single-contract risk' : ''}`,
          heldBy(risk),
        ]}
      />
      {concentration.onePersonDependence.map((dependence) => (
        <Text key={dependence.person.ownerId ?? dependence.person.name}>
          {`${dependence.person.name} alone holds ${format.money(dependence.revenue)} (${share(dependence.shareOfPortfolio)}): ${dependence.accounts.map((a) => a.name).join(', ')}.`}
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
  format: Formatters;
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
  const share = (value: number | null) => (value === null ? '—' : format.share(value));
  return (
    <>
      <Text>
        {`${pareto.clientsForEightyPercentOfRevenue === null ? '—' : format.whole(pareto.clientsForEightyPercentOfRevenue)} of ${format.whole(pareto.clientCount)} clients (${share(pareto.clientShareForEightyPercentOfRevenue)}) make 80% of revenue (${format.money(pareto.totalRevenue)} over 12 months).`}
      </Text>
      {pareto.shareErrorBound > 0 && (
        <Text variant="microcopy">{`Read from revenue bands: each share is at most ${format.share(Math.ceil(pareto.shareErrorBound * 100) / 100)} of itself below the exact figure.`}</Text>
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
            number={share(top.revenueShare)}
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

/** Who of ours holds the relationship, as the account's card weighs it; the one it depends on comes first. */
function heldBy(risk: PortfolioOverview['concentration']['keyAccounts'][number]): string {
  if (risk.heldBy === null) return 'Not weighed yet: the next recalculation weighs it';
  const [first] = risk.heldBy;
  if (!first) return 'Nobody';
  const names = risk.heldBy.map((p) => p.name).join(', ');
  return risk.dependsOnOnePerson ? `${names} — ${first.name} alone holds most of it` : names;
}
