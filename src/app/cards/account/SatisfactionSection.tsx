import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { SurveyReading } from '../../../kam/satisfaction/index.ts';
import { SURVEY_SCALES } from '../../../kam/satisfaction/scales.ts';
import type { Formatters } from '../../ui/format.ts';
import { SURVEY_LABELS } from '../../ui/labels.ts';
import { halfYearTrendWords } from '../../ui/satisfaction-words.ts';
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
              {readingLine(reading, {
                who: names.get(reading.latest.contactId) ?? 'a contact',
                when: account.format.date(reading.latest.at),
                format: account.format,
              })}
            </Text>
          ))
        ))}
    </Flex>
  );
}

function readingLine(
  reading: SurveyReading,
  latest: { who: string; when: string; format: Pick<Formatters, 'decimal'> },
): string {
  const { format } = latest;
  const scale = SURVEY_SCALES[reading.kind];
  const score =
    reading.score === null
      ? 'no answers in the last year'
      : `${onScale(reading.score, scale.score, format)} over the last year (${reading.responses} answer${reading.responses === 1 ? '' : 's'})`;
  const trend = halfYearTrendWords(reading.trend, format);
  return `${SURVEY_LABELS[reading.kind]}: ${score}${trend ? `; ${trend}` : ''}. Latest ${onScale(reading.latest.value, scale.answer, format)} from ${latest.who} on ${latest.when}.`;
}

/** A figure with the scale it is read on: `4 out of 7`, or for a scale that runs below zero `−42.9 (from −100 to 100)`. */
function onScale(
  value: number,
  { lowest, highest }: { lowest: number; highest: number },
  format: Pick<Formatters, 'decimal'>,
) {
  return lowest < 0
    ? `${format.decimal(value)} (from ${format.decimal(lowest)} to ${format.decimal(highest)})`
    : `${format.decimal(value)} out of ${format.decimal(highest)}`;
}
