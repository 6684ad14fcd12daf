import { Heading, Link, Tag, Text } from '@hubspot/ui-extensions';
import type { ReviewTrigger } from '../../contracts/card-data.ts';
import type { CoverageRiskKind, PortfolioOverview, ReviewDue } from '../../contracts/portfolio-overview.ts';
import type { Formatters } from '../ui/format.ts';
import { RECORDED_EVENT_LABELS } from '../ui/labels.ts';
import { ListTable } from './ListTable.tsx';
import { companyRecordUrl } from '../../contracts/record-link.ts';

const SCHEDULE_LABELS: Record<ReviewDue['status'], { label: string; variant: 'error' | 'warning' | 'default' }> = {
  overdue: { label: 'Overdue', variant: 'error' },
  due: { label: 'Due', variant: 'warning' },
  due_soon: { label: 'Due soon', variant: 'default' },
  not_due: { label: 'Not due', variant: 'default' },
};

const RISK_LABELS: Record<CoverageRiskKind, string> = {
  no_plan: 'No account plan',
  no_team: 'No KAM team on the plan',
  one_person_team: 'One person holds the relationship',
  low_coverage: 'Low relationship coverage',
};

const TRIGGER_LABELS: Record<ReviewTrigger['kind'], string> = {
  key_contact_left: 'Key contact left',
  key_contact_title_changed: 'Key contact changed role',
  new_buyer: 'New buyer',
  stance_worsened: 'Stance worsened',
  stance_improved: 'Stance improved',
  new_parent_company: 'New parent company',
  company_merged: 'Company merged',
  client_strategy_changed: 'Client strategy changed',
  competition_changed: 'Competitors or our position changed',
  our_owner_changed: 'Our owner changed',
  our_team_changed: 'Our team changed',
  objective_achieved: 'Objective achieved',
  ...RECORDED_EVENT_LABELS,
};

// Reviews falling due across the programme, and the key accounts whose relationships are thin.
export function ReviewsSection({
  overview,
  format,
  portalId,
}: {
  overview: PortfolioOverview;
  format: Formatters;
  portalId: number;
}) {
  const { reviews, coverageRisks, readAt } = overview;
  const company = (a: { companyId: string; name: string }) => (
    <Link href={{ url: companyRecordUrl(portalId, a.companyId), external: true }}>{a.name}</Link>
  );
  return (
    <>
      <Heading>{`Reviews due (${reviews.upcoming.length})`}</Heading>
      <ListTable
        items={reviews.upcoming}
        empty="No key account review is due."
        headers={['Key account', 'Review', 'Due', 'Last reviewed']}
        rowKey={(r) => r.account.companyId}
        cells={(r) => [
          company(r.account),
          <Tag variant={SCHEDULE_LABELS[r.status].variant}>{SCHEDULE_LABELS[r.status].label}</Tag>,
          `${format.date(r.dueAt)} (${format.daysFrom(r.dueAt, readAt)})`,
          r.lastReviewedAt === null ? 'Never' : format.date(r.lastReviewedAt),
        ]}
      />
      {reviews.notScheduled.length > 0 && (
        <Text>{`No plan saved yet, so no review cycle: ${reviews.notScheduled.map((a) => a.name).join(', ')}.`}</Text>
      )}
      <Heading>{`Reviews triggered by events (${reviews.open.length})`}</Heading>
      <ListTable
        items={reviews.open}
        empty="No event since a key account's last review is waiting for one."
        headers={['Key account', 'Trigger', 'Evidence', 'When']}
        rowKey={({ account, trigger }) =>
          `${account.companyId}-${trigger.kind}-${trigger.evidence.objectId}-${trigger.at}`
        }
        cells={({ account, trigger }) => [
          company(account),
          TRIGGER_LABELS[trigger.kind],
          trigger.message,
          format.date(trigger.at),
        ]}
      />
      <Heading>{`Reviews done after events, last ${reviews.triggeredWithinDays} days (${reviews.triggered.length})`}</Heading>
      <ListTable
        items={reviews.triggered}
        empty="No review after an event was logged recently."
        headers={['Key account', 'Reviewed', 'Triggered by']}
        rowKey={(r) => `${r.account.companyId}-${r.reviewedAt}`}
        cells={(r) => [
          company(r.account),
          format.date(r.reviewedAt),
          r.triggers.length === 0 ? 'An event on the account' : r.triggers.join('; '),
        ]}
      />
      <Heading>{`Coverage risks (${coverageRisks.length})`}</Heading>
      <ListTable
        items={coverageRisks}
        empty="Every key account has a plan and a team."
        headers={['Key account', 'Risk']}
        rowKey={({ account }) => account.companyId}
        cells={({ account, risks }) => [
          company(account),
          // The score beside a low one, as the account's sidebar and Relationships tab show it.
          risks
            .map((r) =>
              r === 'low_coverage' && account.coverageScore !== null
                ? `${RISK_LABELS[r]} (${format.whole(account.coverageScore)} of 100)`
                : RISK_LABELS[r],
            )
            .join('; '),
        ]}
      />
    </>
  );
}
