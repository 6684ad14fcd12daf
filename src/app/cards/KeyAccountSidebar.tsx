import { DescriptionList, DescriptionListItem, Flex, hubspot, Text } from '@hubspot/ui-extensions';
import { REVIEW_STATUS_LABELS } from '../ui/labels.ts';
import { useAccount } from './account/account.ts';
import { QualifyHint, StatusBadge, topRisk } from './account/summary.tsx';
import { Loading, LoadFailed } from './account/keystone-ui.ts';

// The company sidebar: the account at a glance, from the same card_data call as the tab, again
// whenever HubSpot says the record changed (the tab card says so after each action).
export function KeyAccountSidebar() {
  const { state, reload, view } = useAccount({ followsChanges: true });
  if (state.status === 'error')
    return <LoadFailed title="Keystone could not load this account" failure={state.failure} onRetry={reload} />;
  if (state.status !== 'success') return <Loading what="the key account" />;
  const { data, format } = view(state.answer);
  const { keyAccount, relationships, reviews } = data;
  const risk = topRisk(data, format);
  return (
    <Flex direction="column" gap="small">
      <StatusBadge status={keyAccount.status} />
      <DescriptionList direction="column">
        <DescriptionListItem label="Score">
          <Text>{format.whole(keyAccount.score.total)} of 100</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Relationship coverage">
          <Text>
            {relationships.contacts.length === 0
              ? 'No contacts yet'
              : `${format.whole(relationships.coverage.score)} of 100`}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="Next review">
          <Text testId="sidebar-next-review">
            {keyAccount.status !== 'key'
              ? 'None: not a key account'
              : reviews.nextDueAt === null
                ? 'Not scheduled: no plan yet'
                : `${format.date(reviews.nextDueAt)} · ${REVIEW_STATUS_LABELS[reviews.status]}`}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="Top risk">
          <Text testId="top-risk">{risk ?? 'Nothing stands out'}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <QualifyHint keyAccount={keyAccount} format={format} />
    </Flex>
  );
}

hubspot.extend<'crm.record.sidebar'>(() => <KeyAccountSidebar />);
