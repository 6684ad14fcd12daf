import {
  BarChart,
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  Flex,
  Heading,
  Select,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PlanSection as Plan } from '../../../contracts/card-data.ts';
import { KAM_TEAM_ROLE_LABELS, OBJECTIVE_STATUS_LABELS, optionsOf } from '../../ui/labels.ts';
import { ReadOnlyNotice } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { isBeforeToday } from './DueInThePast.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import {
  CHART_SERIES_COLORS,
  chartRows,
  chartTitle,
  chartValueLabel,
  fiscalYearLabel,
  gridCell,
  investmentCell,
  investmentYear,
  QUARTERS,
  rowLabel,
} from './quarterly-grid.ts';

export function PlanSection({ account }: { account: AccountView<'plan'> }) {
  const { plan, permissions } = account.data;
  const [editing, setEditing] = useState(false);
  const editable = permissions.canEdit;

  if (editing) return <PlanEditor account={account} onClose={() => setEditing(false)} />;
  const editButton = editable && (
    <ButtonRow>
      <Button onClick={() => setEditing(true)}>{plan.revision === 0 ? 'Start the plan' : 'Edit the plan'}</Button>
    </ButtonRow>
  );
  const readOnly = !editable && (
    <ReadOnlyNotice>{permissions.readOnlyReason ?? 'Only key account managers can edit the plan.'}</ReadOnlyNotice>
  );

  if (plan.revision === 0) {
    return (
      <EmptyState title="No account plan yet" imageName="building" layout="vertical">
        <Text>
          A plan sets out what you aim to achieve with this client over the next 12 months, who on our side looks after
          them, the objectives with who does each and by when, and targets for each quarter.
        </Text>
        {/* Only those who may start the plan are told how; the others read who may below. */}
        {editable && (
          <Text testId="plan-start-hint">
            Choose “Start the plan” to begin from six suggested rows to track, such as meetings each quarter and growth
            in income, filled in from HubSpot; or, once it opens, “Start with no metrics instead” for an empty plan.
          </Text>
        )}
        {editButton}
        {readOnly}
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="medium">
      <Heading>12-month objective</Heading>
      <Text>{plan.businessObjective || 'Not written yet.'}</Text>
      {plan.savedAt !== null && (
        <Text variant="microcopy">
          Saved {account.format.date(plan.savedAt)}
          {plan.savedBy ? ` by ${plan.savedBy.name}` : ''}
        </Text>
      )}
      <DescriptionList direction="row">
        {optionsOf(KAM_TEAM_ROLE_LABELS).map(({ value: role, label }) => (
          <DescriptionListItem key={role} label={label}>
            <Text>{plan.team[role]?.name ?? 'Not appointed'}</Text>
          </DescriptionListItem>
        ))}
      </DescriptionList>
      <Objectives plan={plan} account={account} />
      <QuarterlyGrid plan={plan} account={account} />
      <Investment plan={plan} account={account} />
      {editButton}
      {readOnly}
    </Flex>
  );
}

function Objectives({ plan, account }: { plan: Plan; account: AccountView<'plan'> }) {
  // Overdue once its day has gone by the portal's calendar, as "Due in the past?" reckons it: an objective
  // due today is not overdue in the afternoon.
  const today = { now: account.data.readAt, timeZone: account.format.timeZone };
  const overdue = (o: Plan['objectives'][number]) =>
    o.status === 'open' && o.dueAt !== null && isBeforeToday(o.dueAt, today);
  if (plan.objectives.length === 0)
    return (
      <Text testId="no-objectives">
        {account.data.permissions.canEdit
          ? 'No SMART objectives yet: add them with “Edit the plan”, each with who owns it and when it is due.'
          : 'No SMART objectives yet.'}
      </Text>
    );
  return (
    <Table bordered={false} density="condensed">
      <TableHead>
        <TableRow>
          <TableHeader>Objective</TableHeader>
          <TableHeader>Owner</TableHeader>
          <TableHeader>Due</TableHeader>
          <TableHeader>Status</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.objectives.map((o) => (
          <TableRow key={o.objectiveKey}>
            <TableCell>
              <Text format={{ fontWeight: 'demibold' }}>{o.title}</Text>
              {o.measure && <Text variant="microcopy">{o.measure}</Text>}
            </TableCell>
            <TableCell>{o.owner?.name ?? 'Nobody'}</TableCell>
            <TableCell>{o.dueAt === null ? 'No date' : account.format.date(o.dueAt)}</TableCell>
            <TableCell>
              <StatusTag variant={overdue(o) ? 'danger' : o.status === 'achieved' ? 'success' : 'default'}>
                {overdue(o) ? 'Overdue' : OBJECTIVE_STATUS_LABELS[o.status]}
              </StatusTag>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function QuarterlyGrid({ plan, account }: { plan: Plan; account: AccountView<'plan'> }) {
  const { rows } = plan.quarterlyTargets;
  const [charted, setCharted] = useState(rows[0]?.metric ?? '');
  const chartedRow = rows.find((r) => r.metric === charted);
  if (rows.length === 0)
    return (
      <Text testId="no-targets">
        {account.data.permissions.canEdit
          ? 'No quarterly targets yet: add the metrics to track with “Edit the plan”, from the account-plan template or your own.'
          : 'No quarterly targets yet.'}
      </Text>
    );
  return (
    <Flex direction="column" gap="small">
      <Heading>Quarterly targets</Heading>
      <Text variant="microcopy" testId="grid-key">
        {fiscalYearLabel(plan.quarterlyTargets, account.format)} ·{' '}
        {/* "actual of target" over cells that hold actuals alone would promise targets there are not. */}
        {rows.some((r) => QUARTERS.some((q) => r.targets[q] !== null))
          ? 'actual of target'
          : 'actuals so far: no targets set yet'}
      </Text>
      <Table bordered={false} density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>Metric</TableHeader>
            {QUARTERS.map((q) => (
              <TableHeader key={q}>{q}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.metric}>
              <TableCell>
                {rowLabel(row)}
                {row.derived && <Text variant="microcopy">{derivedFrom(row.metric, plan, account)}</Text>}
              </TableCell>
              {QUARTERS.map((q) => (
                <TableCell key={q}>{gridCell(row, q, account.format)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Select
        label="Chart"
        name="chartedMetric"
        value={charted}
        options={rows.map((r) => ({ value: r.metric, label: rowLabel(r) }))}
        onChange={(v) => setCharted(String(v))}
      />
      {chartedRow && (
        <BarChart
          data={chartRows(chartedRow)}
          axes={{
            x: { field: 'quarter', fieldType: 'category', label: 'Quarter' },
            y: {
              field: 'value',
              fieldType: 'linear',
              label: chartValueLabel(chartedRow, account.data.portal.currency),
            },
            options: { groupFieldByColor: 'series', colors: CHART_SERIES_COLORS },
          }}
          options={{ title: chartTitle(chartedRow), showLegend: true }}
        />
      )}
    </Flex>
  );
}

/**
 * Where a derived row's actuals come from. Meetings are counted by the portfolio recalculation, which
 * reads every key account's activities anyway, so the card says when, or that none has counted them yet.
 */
function derivedFrom(metric: string, plan: Plan, account: AccountView<'plan'>): string {
  if (metric !== 'meetings') return 'from HubSpot';
  const countedAt = plan.quarterlyTargets.meetingsCountedAt;
  return countedAt === null
    ? 'counted at the next portfolio recalculation'
    : `from HubSpot, as counted on ${account.format.date(countedAt)}`;
}

/** "Make sure the cost to us is in line with the benefit": what the programme spends, against the income gained. */
function Investment({ plan, account }: { plan: Plan; account: AccountView<'plan'> }) {
  const { investment } = plan;
  return (
    <Flex direction="column" gap="small">
      <Heading>Investment against benefit</Heading>
      <Table bordered={false} density="condensed">
        <TableHead>
          <TableRow>
            {QUARTERS.map((q) => (
              <TableHeader key={q}>{q}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            {QUARTERS.map((q) => (
              <TableCell key={q}>{investmentCell(investment, q, account.format)}</TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Text testId="investment-year">
        {investmentYear(investment, account.format, {
          startsAt: plan.quarterlyTargets.quarterStarts.Q1,
          now: account.data.readAt,
        })}
      </Text>
    </Flex>
  );
}
