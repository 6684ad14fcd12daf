import type {
  AccountQuarter,
  OutcomeLine,
  ReviewActionInReport,
  SummaryUnderAnotherOutcome,
} from '../../contracts/portfolio-overview.ts';
import type { ReviewOutcome } from '../../kam/reviews/index.ts';
import type { Formatters } from '../ui/format.ts';
import { REVIEW_OUTCOME_LABELS } from '../ui/labels.ts';
import { andList } from '../../kam/shared/and-list.ts';

// The report's lines under each outcome, worded once for the page and its CSV. Each outcome is headed by the
// name the review form gives it ("Opportunities to exploit"), which says what belongs under it.

const ACTION_STATUS_WORDS: Record<ReviewActionInReport['status'], string> = {
  done: 'done',
  open: 'open',
  overdue: 'overdue',
  no_task: 'no task',
};

/** Each outcome's lines in an account's quarter, in the report's order (the order reviews list their outcomes in). */
const OUTCOME_LINES: Record<ReviewOutcome, (account: AccountQuarter) => readonly OutcomeLine[]> = {
  plan_updated: (account) => account.planUpdated,
  celebrate: (account) => account.celebrate,
  escalate: (account) => account.escalate,
  exploit: (account) => account.exploit,
};
const OUTCOMES = Object.keys(OUTCOME_LINES) as ReviewOutcome[];

/** A review's one summary for several outcomes: printed under the first of them, `summaryUnder`. */
interface SharedSummary extends SummaryUnderAnotherOutcome {
  outcomes: ReviewOutcome[];
}

/**
 * An account's outcomes, each with its heading and its lines: a review's action with who does it, when it is
 * due (as the portal dates it) and where it stands; other lines as they are.
 */
export function outcomeSections(
  account: AccountQuarter,
  format: Pick<Formatters, 'date'>,
): Array<{ heading: string; lines: string[] }> {
  // A review without actions that called for several outcomes has one summary for all of them, which cannot be
  // split between them: every one of them names the outcomes it covers and where it is printed.
  const shared = new Map<string, SharedSummary>();
  const sharedKey = (line: SummaryUnderAnotherOutcome) => `${line.summaryUnder}@${line.reviewedAt}`;
  for (const outcome of OUTCOMES)
    for (const line of OUTCOME_LINES[outcome](account)) {
      if (typeof line === 'string' || !('summaryUnder' in line)) continue;
      const summary = shared.get(sharedKey(line)) ?? { ...line, outcomes: [line.summaryUnder] };
      summary.outcomes.push(outcome);
      shared.set(sharedKey(line), summary);
    }
  const sharedLine = (summary: SharedSummary, where: string) =>
    `The review of ${format.date(summary.reviewedAt)} wrote one summary for ${andList(summary.outcomes.map((o) => REVIEW_OUTCOME_LABELS[o]))}: it is shown ${where}.`;
  const lineWords = (line: OutcomeLine): string => {
    if (typeof line === 'string') return line;
    if ('summaryUnder' in line)
      return sharedLine(shared.get(sharedKey(line))!, `once, under ${REVIEW_OUTCOME_LABELS[line.summaryUnder]}`);
    return `${line.text} (${line.owner}, due ${format.date(line.dueAt)}, ${ACTION_STATUS_WORDS[line.status]})`;
  };
  return OUTCOMES.map((outcome) => ({
    heading: REVIEW_OUTCOME_LABELS[outcome],
    lines: [
      ...OUTCOME_LINES[outcome](account).map(lineWords),
      ...[...shared.values()]
        .filter((summary) => summary.summaryUnder === outcome)
        .map((summary) => sharedLine(summary, 'above, once')),
    ],
  }));
}
