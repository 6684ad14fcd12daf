import type { OutcomeLine, ReviewActionInReport } from '../../contracts/portfolio-overview.ts';
import type { ReviewOutcome } from '../../kam/reviews/index.ts';
import type { Formatters } from '../ui/format.ts';

// The report's lines under each outcome, worded once for the page and its CSV.

const ACTION_STATUS_WORDS: Record<ReviewActionInReport['status'], string> = {
  done: 'done',
  open: 'open',
  overdue: 'overdue',
  no_task: 'no task',
};

/** Each outcome's heading on the page and its section in the CSV. */
export const OUTCOME_HEADINGS: Record<ReviewOutcome, string> = {
  plan_updated: 'Update the plan',
  celebrate: 'Celebrate',
  escalate: 'Escalate',
  exploit: 'Exploit',
};

/** A review's action with who does it, when it is due (as the portal dates it) and where it stands; other lines as they are. */
export function outcomeLine(line: OutcomeLine, format: Pick<Formatters, 'date'>): string {
  if (typeof line === 'string') return line;
  if ('summaryUnder' in line)
    return `The review of ${format.date(line.reviewedAt)}: its summary is under ${OUTCOME_HEADINGS[line.summaryUnder]}`;
  return `${line.text} (${line.owner}, due ${format.date(line.dueAt)}, ${ACTION_STATUS_WORDS[line.status]})`;
}
