import { StatusTag, Text } from '@hubspot/ui-extensions';
import type { KeyAccountSection } from '../../../contracts/card-data.ts';
import type { Formatters } from '../../ui/format.ts';
import { STATUS_LABELS } from '../../ui/labels.ts';

// Pieces both cards show: the status badge, and what would qualify the company.

const STATUS_VARIANTS = {
  key: 'success',
  candidate: 'info',
  former: 'warning',
  none: 'default',
} as const satisfies Record<KeyAccountSection['status'], string>;

export function StatusBadge({ status }: { status: KeyAccountSection['status'] }) {
  return <StatusTag variant={STATUS_VARIANTS[status]}>{STATUS_LABELS[status]}</StatusTag>;
}

/**
 * What would qualify the company, and the data that is missing. A key account hears of it only when its score
 * does not qualify it, so the tag is reviewed rather than kept by habit.
 */
export function QualifyHint({ keyAccount, format }: { keyAccount: KeyAccountSection; format: Formatters }) {
  const { score, status } = keyAccount;
  if (status === 'key' && score.suggestedStatus === 'key') return null;
  const missing = score.criteria.flatMap((c) => (c.missing ? [c.missing] : []));
  return (
    <>
      <Text testId="qualify-hint">{status === 'key' ? keyAccountHint(score, format) : qualifyHint(score, format)}</Text>
      {missing.length > 0 && <Text variant="microcopy">To score it fully, fill in: {missing.join('; ')}.</Text>}
    </>
  );
}

type Score = KeyAccountSection['score'];

function keyAccountHint({ total, thresholds, enoughData }: Score, format: Formatters): string {
  // A score on too little data judges nothing, high or low: the tag is neither confirmed nor put in doubt by it.
  // The card knows the score now, not what it was when the company was tagged: many are tagged below the
  // mark on a manager's judgement, so "no longer" would claim a past the card cannot see.
  return enoughData
    ? `Its score of ${format.score(total)} does not qualify it as a key account (from ${format.whole(thresholds.key)}): review whether it should stay one.`
    : 'Too little of its data is known to say whether it still qualifies as a key account.';
}

function qualifyHint({ total, thresholds }: Score, format: Formatters): string {
  return total >= thresholds.key
    ? `Its score of ${format.score(total)} qualifies it as a key account (from ${format.whole(thresholds.key)}).`
    : `It would qualify as a candidate from a score of ${format.whole(thresholds.candidate)} and as a key account from ${format.whole(thresholds.key)}; it scores ${format.score(total)} now.`;
}
