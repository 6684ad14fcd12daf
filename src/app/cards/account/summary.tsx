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

/** For a company that is not (yet) a key account: the scores that would qualify it and the data that is missing. */
export function QualifyHint({ keyAccount, format }: { keyAccount: KeyAccountSection; format: Formatters }) {
  if (keyAccount.status === 'key') return null;
  const { total, thresholds, criteria } = keyAccount.score;
  const missing = criteria.flatMap((c) => (c.missing ? [c.missing] : []));
  return (
    <>
      <Text testId="qualify-hint">
        {total >= thresholds.key
          ? `Its score of ${format.score(total)} qualifies it as a key account (from ${format.whole(thresholds.key)}).`
          : `It would qualify as a candidate from a score of ${format.whole(thresholds.candidate)} and as a key account from ${format.whole(thresholds.key)}; it scores ${format.score(total)} now.`}
      </Text>
      {missing.length > 0 && <Text variant="microcopy">To score it fully, fill in: {missing.join('; ')}.</Text>}
    </>
  );
}
