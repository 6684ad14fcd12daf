import { Heading, Link, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { ReviewTrigger } from '../functions/account-contract.ts';
import type { CoverageRiskKind, PortfolioOverview, ReviewDue } from '../functions/portfolio-contract.ts';
import type { Formatters } from '../ui/format.ts';
import { companyRecordUrl } from './record-link.ts';

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
  stance_worsened: 'Stance worsened',
  stance_improved: 'Stance improved',
  new_parent_company: 'New parent company',
  company_merged: 'Company merged',
  our_owner_changed: 'Our owner changed',
  our_team_changed: 'Our team changed',
  objective_achieved: 'Objective achieved',
};

// Reviews falling due across the programme, and the key accounts whose relationships are thin.
export function ReviewsSection({ overview, format, portalId }: { overview: PortfolioOverview; format: Formatters; portalId: number }) {
  const { reviews, coverageRisks, readAt } = overview;
  const company = (a: { companyId: string; name: string }) => <Link href={{ url: companyRecordUrl(portalId, a.companyId), external: true }}>{a.name}</Link>;
  return (
    <>
      <Heading>{`Reviews due (${reviews.upcoming.length})`}</Heading>
      {reviews.upcoming.length === 0 ? (
        <Text>No key account review is due.</Text>
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Key account</TableHeader>
              <TableHeader>Review</TableHeader>
              <TableHeader>Due</TableHeader>
              <TableHeader>Last reviewed</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {reviews.upcoming.map((r) => (
              <TableRow key={r.account.companyId}>
                <TableCell>{company(r.account)}</TableCell>
                <TableCell>
                  <Tag variant={SCHEDULE_LABELS[r.status].variant}>{SCHEDULE_LABELS[r.status].label}</Tag>
                </TableCell>
                <TableCell>{`${format.date(r.dueAt)} (${format.daysFrom(r.dueAt, readAt)})`}</TableCell>
                <TableCell>{r.lastReviewedAt === null ? 'Never' : format.date(r.lastReviewedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {reviews.notScheduled.length > 0 && (
        <Text>{`No plan saved yet, so no review cycle: ${reviews.notScheduled.map((a) => a.name).join(', ')}.`}</Text>
      )}
      <Heading>{`Reviews triggered by events (${reviews.open.length})`}</Heading>
      {reviews.open.length === 0 ? (
        <Text>No event since a key account's last review is waiting for one.</Text>
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Key account</TableHeader>
              <TableHeader>Trigger</TableHeader>
              <TableHeader>Evidence</TableHeader>
              <TableHeader>When</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {reviews.open.map(({ account, trigger }) => (
              <TableRow key={`${account.companyId}-${trigger.kind}-${trigger.evidence.objectId}-${trigger.at}`}>
                <TableCell>{company(account)}</TableCell>
                <TableCell>{TRIGGER_LABELS[trigger.kind]}</TableCell>
                <TableCell>{trigger.message}</TableCell>
                <TableCell>{format.date(trigger.at)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading>{`Reviews done after events, last ${reviews.triggeredWithinDays} days (${reviews.triggered.length})`}</Heading>
      {reviews.triggered.length === 0 ? (
        <Text>No review after an event was logged recently.</Text>
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Key account</TableHeader>
              <TableHeader>Reviewed</TableHeader>
              <TableHeader>Triggered by</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {reviews.triggered.map((r) => (
              <TableRow key={`${r.account.companyId}-${r.reviewedAt}`}>
                <TableCell>{company(r.account)}</TableCell>
                <TableCell>{format.date(r.reviewedAt)}</TableCell>
                <TableCell>{r.triggers.length === 0 ? 'An event on the account' : r.triggers.join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading>{`Coverage risks (${coverageRisks.length})`}</Heading>
      {coverageRisks.length === 0 ? (
        <Text>Every key account has a plan and a team.</Text>
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Key account</TableHeader>
              <TableHeader>Risk</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {coverageRisks.map(({ account, risks }) => (
              <TableRow key={account.companyId}>
                <TableCell>{company(account)}</TableCell>
                <TableCell>{risks.map((r) => RISK_LABELS[r]).join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
