import { Heading, List, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { Fragment } from 'react';
import type { AccountQuarter, QuarterlyReport, TargetInQuarter } from '../../contracts/portfolio-overview.ts';
import { incomeChange, metricFigure, type Formatters } from '../ui/format.ts';
import { QUARTER_STATUS_LABELS } from '../ui/labels.ts';
import { ListTable } from './ListTable.tsx';
import { outcomeSections } from './outcome-lines.ts';
import { NO_SURVEY_ANSWERS, satisfactionLine } from '../ui/satisfaction-words.ts';

// The dragons' den report, where each account team answers for its plan: the programme's quarter, then each key account's.
export function QuarterlyReportSection({ report, format }: { report: QuarterlyReport; format: Formatters }) {
  const p = report.programme;
  return (
    <>
      <Heading>{`Programme, ${report.quarter.label}${report.quarter.current ? ' (so far)' : ''}`}</Heading>
      <Statistics>
        <StatisticsItem label="Key accounts" number={format.whole(p.keyAccounts)} />
        <StatisticsItem
          label={report.quarter.current ? 'Targets on track' : 'Targets met'}
          number={format.whole(report.quarter.current ? p.targets.onTrack : p.targets.met)}
        >
          <Text variant="microcopy">{targetsBreakdown(p.targets, { running: report.quarter.current, format })}</Text>
        </StatisticsItem>
        <StatisticsItem label="Introductions made" number={format.whole(p.introductions)} />
        <StatisticsItem label="Plan updates" number={format.whole(p.planUpdated)} />
        <StatisticsItem label="To celebrate" number={format.whole(p.celebrate)} />
        <StatisticsItem label="To escalate" number={format.whole(p.escalate)} />
        <StatisticsItem label="To exploit" number={format.whole(p.exploit)} />
        <StatisticsItem label="Triggers fired" number={format.whole(p.triggersFired)} />
        <StatisticsItem label="Reviews done" number={format.whole(p.reviewsDone)}>
          <Text variant="microcopy">{`${p.reviewsMissed} missed`}</Text>
        </StatisticsItem>
      </Statistics>
      {report.accounts.length === 0 && <Text>No key accounts are tagged yet.</Text>}
      {report.accounts.map((account) => (
        <AccountReport key={account.companyId} account={account} format={format} />
      ))}
    </>
  );
}

// Every target is counted once, so the headline and its parts add up to the quarter's targets. While the
// quarter runs, a target already meeting its mark is on track, not met: the quarter may still turn.
function targetsBreakdown(
  targets: QuarterlyReport['programme']['targets'],
  { running, format }: { running: boolean; format: Formatters },
): string {
  // No plan sets a target in the quarter (one far ahead, or before any plan): nothing to count against.
  if (targets.total === 0) return 'no plan sets a target for this quarter';
  // Behind, not yet due and ended with no actual are always named, even at 0; the rest only when they occur.
  // A target not yet due has no actual either: "ended" keeps the two apart.
  const parts: Array<[number, string, 'always' | 'when_any']> = [
    [running ? targets.met : targets.onTrack, running ? 'met' : 'on track', 'when_any'],
    [targets.behind, 'behind', 'always'],
    [targets.notYetDue, 'not yet due', 'always'],
    [targets.withoutActual, 'ended with no actual', 'always'],
    [targets.withoutTarget, 'with no target set', 'when_any'],
  ];
  const rest = parts
    .filter(([count, , shown]) => shown === 'always' || count > 0)
    .map(([count, words]) => `${format.whole(count)} ${words}`);
  return `of ${format.whole(targets.total)}; ${rest.join(', ')}`;
}

function AccountReport({ account, format }: { account: AccountQuarter; format: Formatters }) {
  const reviews = `${account.reviewsDone} review${account.reviewsDone === 1 ? '' : 's'} done${account.reviewMissed ? '; the calendar review was missed' : ''}.`;
  return (
    <>
      <Heading>{`${account.name}${account.revenueLast12Months === null ? '' : ` — ${format.money(account.revenueLast12Months)} over 12 months`}`}</Heading>
      {account.targetsUnreadable !== null && (
        <Text>{`The plan's targets could not be read: ${account.targetsUnreadable}`}</Text>
      )}
      {account.targets === null && account.targetsUnreadable === null && <Text>No plan targets for this quarter.</Text>}
      {account.targets !== null && (
        <ListTable
          items={account.targets}
          empty={null}
          headers={['Target', 'Planned', 'Actual', 'Status']}
          rowKey={(t) => t.name}
          cells={(t) => [
            t.name,
            figure(t, t.target, format),
            figure(t, t.actual, format),
            QUARTER_STATUS_LABELS[t.status],
          ]}
        />
      )}
      {account.investment !== null && <Text>{investmentLine(account.investment, format)}</Text>}
      <Text>{`${account.introductions.length} introduction${account.introductions.length === 1 ? '' : 's'} made (contacts new in the CRM this quarter).`}</Text>
      {items('Introductions', account.introductions)}
      {outcomeSections(account, format).map(({ heading, lines }) => (
        <Fragment key={heading}>{items(heading, lines)}</Fragment>
      ))}
      {items('Triggers fired', account.triggersFired)}
      {account.competition &&
        items(
          'Competitors',
          account.competition.competitors.map(
            (c) => `${c.name}: ${c.services} (${c.relationshipStrength} relationships)`,
          ),
        )}
      {account.competition && items('Our strengths', account.competition.strengths)}
      {account.competition && items('Our weaknesses', account.competition.weaknesses)}
      {account.satisfaction === null ? (
        <Text testId={`report-satisfaction-${account.companyId}`}>{`Client satisfaction: ${NO_SURVEY_ANSWERS}`}</Text>
      ) : (
        items(
          'Client satisfaction (as last recalculated)',
          account.satisfaction.map((s) => satisfactionLine(s, { value: s.latestValue, at: s.latestAt }, format)),
        )
      )}
      <Text>{reviews}</Text>
    </>
  );
}

function items(title: string, list: readonly string[]) {
  if (list.length === 0) return null;
  return (
    <>
      <Text format={{ fontWeight: 'bold' }}>{title}</Text>
      <List>
        {list.map((item, i) => (
          <Text key={i}>{item}</Text>
        ))}
      </List>
    </>
  );
}

function figure(target: TargetInQuarter, value: number | string | null, format: Formatters): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return metricFigure(target.unit, value, format);
}

/**
 * Cost to us against the benefit: what the programme spent on the account in the quarter, and the income gained
 * in it. Said to be the quarter's, as the income row of the targets above may run over the year to date.
 */
function investmentLine(investment: NonNullable<AccountQuarter['investment']>, format: Formatters): string {
  const { hours, money, incomeGained } = investment;
  const spent =
    hours === null && money === null
      ? 'no investment recorded'
      : `invested ${format.money(money ?? 0)} and ${format.hours(hours ?? 0)}`;
  const gained =
    incomeGained === null
      ? 'it has not begun'
      : `${incomeChange(incomeGained, format)} against the same quarter last year`;
  return `This quarter: ${spent}; ${gained}.`;
}
