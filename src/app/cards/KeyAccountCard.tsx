import { hubspot, Tab, Tabs } from '@hubspot/ui-extensions';
import { useAccount } from './account/account.ts';
import { PlanSection } from './account/PlanSection.tsx';
import { RelationshipsSection } from './account/RelationshipsSection.tsx';
import { ReviewsSection } from './account/ReviewsSection.tsx';
import { StatusSection } from './account/StatusSection.tsx';
import { Loading, LoadFailed } from './account/keystone-ui.ts';

// The company record tab: status, relationships, plan and reviews of one account, from one card_data call.
export function KeyAccountCard() {
  const { state, reload, view } = useAccount();
  if (state.status === 'error')
    return <LoadFailed title="Keystone could not load this account" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="the key account" />;
  const account = view(state.answer);
  return (
    <Tabs defaultSelected="status">
      <Tab tabId="status" title="Status">
        <StatusSection account={account} />
      </Tab>
      <Tab tabId="relationships" title="Relationships">
        <RelationshipsSection account={account} />
      </Tab>
      <Tab tabId="plan" title="Plan">
        <PlanSection account={account} />
      </Tab>
      <Tab tabId="reviews" title="Reviews">
        <ReviewsSection account={account} />
      </Tab>
    </Tabs>
  );
}

hubspot.extend<'crm.record.tab'>(() => <KeyAccountCard />);
