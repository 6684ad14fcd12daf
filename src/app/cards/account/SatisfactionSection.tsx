import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import { satisfactionLine } from '../../ui/satisfaction-words.ts';
import { useFunctionQuery } from './keystone-ui.ts';
import type { AccountView } from './account.ts';

/** The client's satisfaction as its people answered HubSpot's surveys: the programme's "assess client satisfaction". */
export function SatisfactionSection({ account }: { account: AccountView<'relationships'> }) {
  const { state } = useFunctionQuery('client_satisfaction', account.caller);
  const { company, relationships } = account.data;
  const names = new Map(relationships.contacts.map((c) => [c.contactId, c.name]));
  return (
    <Flex direction="column" gap="extra-small" testId="satisfaction">
      <Heading>Client satisfaction</Heading>
      {state.status === 'error' && (
        <Text variant="microcopy">{`Keystone could not read ${company.name}'s survey answers: ${state.failure.message}`}</Text>
      )}
      {(state.status === 'loading' || state.status === 'idle') && (
        <Text variant="microcopy">Reading survey answers…</Text>
      )}
      {state.status === 'success' &&
        (state.answer.surveys.length === 0 ? (
          <Text variant="microcopy">
            {`Nobody at ${company.name} has answered a HubSpot survey yet. To start one, open Service > Feedback Surveys in HubSpot, create a Net Promoter Score, customer satisfaction or customer effort survey and send it to the contacts at ${company.name}; their answers show here.`}
          </Text>
        ) : (
          state.answer.surveys.map((reading) => (
            <Text key={reading.kind} testId={`satisfaction-${reading.kind}`}>
              {satisfactionLine(
                reading,
                { ...reading.latest, who: names.get(reading.latest.contactId) ?? 'a contact' },
                account.format,
              )}
            </Text>
          ))
        ))}
    </Flex>
  );
}
