import { Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { SelectionSettings } from '../../kam/settings/index.ts';
import type { Formatters } from '../ui/format.ts';
import { useFunctionQuery } from './keystone-ui.ts';
import { isScorable, previewSelection } from './selection-preview.ts';

/**
 * How many companies would score as key accounts and candidates with the weights and thresholds on screen, their
 * share of revenue and how many already hold that status (admins only, like the facts behind it).
 */
export function SelectionPreviewPanel({
  userId,
  selection,
  format,
}: {
  userId: number;
  selection: SelectionSettings;
  format: Formatters;
}) {
  const { state } = useFunctionQuery('portfolio_facts', { userId });
  const facts = state.status === 'success' ? state.answer : null;
  const preview = useMemo(
    () => (facts && isScorable(selection) ? previewSelection(facts.companies, selection) : null),
    [facts, selection],
  );

  if (state.status === 'error') return <Text variant="microcopy">Preview unavailable: {state.failure.message}</Text>;
  if (!facts) return <Text variant="microcopy">Loading the preview…</Text>;
  if (!preview)
    return (
      <Text variant="microcopy">
        Give at least one criterion a weight, keep weights and scores from 0 to 100, and keep the candidate score at or
        below the key account score, to see the preview.
      </Text>
    );
  const keyRevenue =
    preview.keyRevenueShare === null ? 'no revenue known' : `${format.share(preview.keyRevenueShare)} of revenue`;
  const withKeyRevenue =
    preview.qualifyingRevenueShare === null
      ? []
      : [`${format.share(preview.qualifyingRevenueShare)} of revenue with the key accounts`];
  return (
    <>
      <Statistics>
        <StatisticsItem label="Score as key accounts" number={format.whole(preview.key)}>
          <Text>{`${keyRevenue}; ${format.whole(preview.keyNow)} of them key accounts now`}</Text>
        </StatisticsItem>
        <StatisticsItem label="Score as candidates" number={format.whole(preview.candidates)}>
          <Text>{[...withKeyRevenue, `${format.whole(preview.candidatesNow)} of them candidates now`].join('; ')}</Text>
        </StatisticsItem>
        <StatisticsItem label="Companies scored" number={format.whole(preview.companies)}>
          {!facts.complete && <Text>the first of this portal's companies: it is too large to read at once</Text>}
        </StatisticsItem>
      </Statistics>
      {/* The portfolio page counts statuses, not scores: its figures differ from these by design. */}
      <Text variant="microcopy">
        Counted by score alone, whatever status each company has now: managers tag key accounts and candidates. The
        portfolio page counts the companies tagged key accounts, and as candidates those tagged candidate with the
        untagged companies that score as one.
      </Text>
    </>
  );
}
