import { Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { SelectionSettings } from '../../kam/settings/index.ts';
import type { Formatters } from '../ui/format.ts';
import type { Ok } from '../ui/function-call.ts';
import { useFunctionQuery } from './keystone-ui.ts';
import { isScorable, previewSelection } from './selection-preview.ts';
import { PORTFOLIO_FACTS_FUNCTION, type PortfolioFacts } from './settings-functions.ts';

/** How many companies would qualify with the weights and thresholds on screen, and their share of revenue. */
export function SelectionPreviewPanel({ userId, selection, format }: { userId: number; selection: SelectionSettings; format: Formatters }) {
  const { state } = useFunctionQuery<Ok<PortfolioFacts>>(PORTFOLIO_FACTS_FUNCTION, { userId });
  const companies = state.status === 'success' ? state.answer.companies : null;
  const preview = useMemo(() => (companies && isScorable(selection) ? previewSelection(companies, selection) : null), [companies, selection]);

  if (state.status === 'error') return <Text variant="microcopy">Preview unavailable: {state.failure.message}</Text>;
  if (!companies) return <Text variant="microcopy">Loading the preview…</Text>;
  if (!preview) return <Text variant="microcopy">Give at least one criterion a weight, and keep the candidate score at or below the key account score, to see the preview.</Text>;
  return (
    <Statistics>
      <StatisticsItem label="Would be key accounts" number={preview.key}>
        <Text>{preview.keyRevenueShare === null ? 'no revenue known' : `${format.share(preview.keyRevenueShare)} of revenue`}</Text>
      </StatisticsItem>
      <StatisticsItem label="Would be candidates" number={preview.candidates}>
        <Text>{preview.qualifyingRevenueShare === null ? '' : `${format.share(preview.qualifyingRevenueShare)} of revenue with key accounts`}</Text>
      </StatisticsItem>
      <StatisticsItem label="Companies scored" number={preview.companies} />
    </Statistics>
  );
}
