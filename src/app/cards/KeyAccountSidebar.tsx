import {
  Button,
  DescriptionList,
  DescriptionListItem,
  ErrorState,
  Flex,
  hubspot,
  LoadingSpinner,
  Text,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { useEffect, useState } from 'react';
import { ACCOUNT_SUMMARY_PROPERTY as P, storedEnoughData } from '../../contracts/account-summary.ts';
import { DEFAULT_OVERDUE_AFTER_DAYS, reviewDueness, type ReviewDueness } from '../../kam/reviews/review-due.ts';
import type { KeyAccountStatus } from '../../kam/shared/index.ts';
import { createFormatters, portalFormat, type Formatters } from '../ui/format.ts';
import { REVIEW_STATUS_LABELS, STATUS_LABELS } from '../ui/labels.ts';
import { StatusBadge } from './account/summary.tsx';

// The company sidebar: the account at a glance, from what recalculation and the tab's actions store on
// the company record, read with HubSpot's CRM data hooks in the signed-in user's own session. A record
// view therefore costs the app no call and none of its rate limit; HubSpot reads the properties again
// when the tab says the record changed.

const PROPERTIES = Object.values(P);
const STATUSES: readonly KeyAccountStatus[] = ['none', 'candidate', 'key', 'former'];
/** What recalculation stores as the status a score suggests: never "former", which only a key account becomes. */
const SUGGESTED_STATUSES = ['none', 'candidate', 'key'] as const satisfies readonly KeyAccountStatus[];
type SuggestedStatus = (typeof SUGGESTED_STATUSES)[number];

const statusOf = (value: string | null | undefined): KeyAccountStatus => STATUSES.find((s) => s === value) ?? 'none';
/** A number or an instant as HubSpot holds it; null when empty. */
const numberOf = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
};

export function KeyAccountSidebar() {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const { onCrmPropertiesUpdate } = useExtensionActions<'crm.record.sidebar'>();
  const { properties, isLoading, error, refetch } = useCrmProperties(PROPERTIES);
  // The sidebar asks no function the time: the browser's clock, when the card opened, says whether the review is past due.
  const [now] = useState(() => Date.now());
  useEffect(() => {
    onCrmPropertiesUpdate('*', () => void refetch());
    // Subscribed once: HubSpot offers no way to unsubscribe, and `refetch` always reads this record again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (error)
    return (
      <ErrorState title="Keystone could not read this company">
        <Text>{error.message}</Text>
        <Button onClick={() => void refetch()}>Try again</Button>
      </ErrorState>
    );
  if (isLoading) return <LoadingSpinner label="Loading the key account…" />;
  // The portal's currency plays no part here, and dates read in the portal's time zone.
  const format = createFormatters(portalFormat(context, { currency: null }));
  const status = statusOf(properties[P.status]);
  const score = numberOf(properties[P.score]);
  const scoredAt = numberOf(properties[P.scoredAt]);
  const coverage = numberOf(properties[P.coverageScore]);
  const nextReview = numberOf(properties[P.nextReviewDue]);
  // Only key accounts are in the review cycle: a review date left on a former key account is no risk.
  const review =
    status === 'key' && nextReview !== null
      ? {
          dueAt: nextReview,
          // Judged by the grace the settings give, stored with the date: due, then overdue, as on the tab.
          dueness: reviewDueness({
            dueAt: nextReview,
            overdueAfterDays: numberOf(properties[P.reviewOverdueAfterDays]) ?? DEFAULT_OVERDUE_AFTER_DAYS,
            now,
          }),
        }
      : null;
  const risk = topRisk({ review, now, relationshipRisk: properties[P.topRisk] || null, format });
  const suggested = properties[P.suggestedStatus];
  const suggestion = differentSuggestion(status, suggested);
  // A score that stood on too little data suggests nothing, and says so even where the status agrees with
  // it: a plain company scored 0 for want of data is not one known to be worth nothing.
  const hint =
    suggested === 'none' && storedEnoughData(properties[P.scoreBreakdown]) === false
      ? 'Too little of its data is known for its score to suggest a status: the Key account tab says what to fill in.'
      : suggestion === null
        ? null
        : `Its score suggests: ${STATUS_LABELS[suggestion]}.`;
  return (
    <Flex direction="column" gap="small">
      <StatusBadge status={status} />
      <DescriptionList direction="column">
        <DescriptionListItem label="Score">
          <Text>{score === null ? 'Not scored yet' : `${format.score(score)} of 100`}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Relationship coverage">
          <Text>{coverage === null ? unweighed(status, suggested) : `${format.whole(coverage)} of 100`}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Next review">
          <Text testId="sidebar-next-review">
            {status !== 'key'
              ? 'None: not a key account'
              : review === null
                ? 'Not scheduled: no plan yet'
                : `${format.date(review.dueAt)} · ${REVIEW_STATUS_LABELS[review.dueness]}`}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="Top risk">
          <Text testId="top-risk">
            {risk ??
              (coverage === null ? 'Not known: the Key account tab weighs its relationships' : 'Nothing stands out')}
          </Text>
        </DescriptionListItem>
      </DescriptionList>
      {hint !== null && <Text testId="qualify-hint">{hint}</Text>}
      <Text variant="microcopy" testId="computed-at">
        {computedAt(format, { scoredAt, coverageAt: numberOf(properties[P.coverageScoredAt]) })}
      </Text>
    </Flex>
  );
}

/**
 * The status the score suggests, when it is not the one the company has: up (a company that qualifies as a
 * candidate or key account) or down (a candidate or key account whose score no longer says so). A former key
 * account whose score suggests none is where the score puts it: out of the programme.
 */
function differentSuggestion(status: KeyAccountStatus, suggested: string | null | undefined): SuggestedStatus | null {
  const known = SUGGESTED_STATUSES.find((s) => s === suggested);
  if (known === undefined) return null;
  return known === (status === 'former' ? 'none' : status) ? null : known;
}

/**
 * Why a company's coverage is not on its record: recalculation weighs key accounts' and candidates'
 * relationships only, so for any other company it never will be, and the tab is where to see them.
 */
function unweighed(status: string, suggested: string | null | undefined): string {
  const inProgramme = [status, suggested].some((s) => s === 'key' || s === 'candidate');
  return inProgramme
    ? 'Not weighed yet: the next recalculation weighs it'
    : 'Weighed for key accounts and candidates only: the Key account tab shows it';
}

/** A review past due comes first; otherwise the relationship risk coverage last weighed. */
function topRisk({
  review,
  now,
  relationshipRisk,
  format,
}: {
  review: { dueAt: number; dueness: ReviewDueness } | null;
  now: number;
  relationshipRisk: string | null;
  format: Formatters;
}): string | null {
  if (review !== null && review.dueness !== 'upcoming') {
    const since = format.daysFrom(review.dueAt, now);
    // On the day it falls due it is due that day, not one gone ("was due today").
    if (since === format.daysFrom(now, now)) return `The account review is due ${since}.`;
    return `The account review is ${review.dueness} (was due ${since}).`;
  }
  return relationshipRisk;
}

function computedAt(
  format: Formatters,
  { scoredAt, coverageAt }: { scoredAt: number | null; coverageAt: number | null },
) {
  const parts = [
    scoredAt === null ? null : `scored ${format.date(scoredAt)}`,
    coverageAt === null ? null : `coverage weighed ${format.date(coverageAt)}`,
  ].filter((p) => p !== null);
  return parts.length === 0
    ? 'Open the Key account tab for the details.'
    : `As of the last change: ${parts.join(', ')}.`;
}

hubspot.extend<'crm.record.sidebar'>(() => <KeyAccountSidebar />);
