import {
  Button,
  ButtonRow,
  Flex,
  Heading,
  Input,
  List,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CompetitionSection as Competition } from '../../../contracts/card-data.ts';
import type { CompetitorStrength } from '../../../kam/competition/index.ts';
import { COMPETITION_TEXT, COMPETITORS_MAX } from '../../../kam/competition/limits.ts';
import { optionsOf } from '../../ui/labels.ts';
import { useActionId } from '../../ui/action-id.ts';
import { useStandingRefusal } from '../../ui/use-function.ts';
import { followTyping } from '../../ui/typing.ts';
import { typedField, typedListField } from '../../ui/typed-text.ts';
import { ActionFailed, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { Unsent, useUnsent } from './unsent.tsx';

const STRENGTH_LABELS: Record<CompetitorStrength, string> = {
  strong: 'Strong relationships',
  moderate: 'Some relationships',
  weak: 'Weak relationships',
};
// Their strength is our risk: a competitor strong at the client is the warning colour.
const STRENGTH_TAGS: Record<CompetitorStrength, 'error' | 'warning' | 'default'> = {
  strong: 'error',
  moderate: 'warning',
  weak: 'default',
};

/** Which competitors the client also uses, for what and how strongly, and our relationship's strengths and weaknesses. */
export function CompetitionSection({ account }: { account: AccountView<'relationships'> }) {
  const { permissions } = account.data;
  const { competition } = account.data.relationships;
  const [editing, setEditing] = useState(false);
  const nothingYet =
    competition.competitors.length + competition.strengths.length + competition.weaknesses.length === 0;
  return (
    <Flex direction="column" gap="small" testId="competition">
      <Heading>Competitors and our position</Heading>
      {competition.unreadable && (
        <Text variant="microcopy">The saved competitors could not be read. Saving them again repairs them.</Text>
      )}
      {nothingYet ? (
        <Text variant="microcopy">
          No competitors or strengths recorded yet. Who else does {account.data.company.name} buy from, and where is our
          relationship strong or weak?
        </Text>
      ) : (
        <>
          {competition.competitors.length > 0 && (
            <Table bordered={false} density="condensed">
              <TableHead>
                <TableRow>
                  <TableHeader>Competitor</TableHeader>
                  <TableHeader>Used for</TableHeader>
                  <TableHeader>Their relationships</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {competition.competitors.map((c) => (
                  <TableRow key={c.name}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell>{c.services}</TableCell>
                    <TableCell>
                      <Tag inline variant={STRENGTH_TAGS[c.relationshipStrength]}>
                        {STRENGTH_LABELS[c.relationshipStrength]}
                      </Tag>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Points title="Our strengths" points={competition.strengths} />
          <Points title="Our weaknesses" points={competition.weaknesses} />
          {competition.savedBy && competition.savedAt !== null && (
            <Text variant="microcopy">
              Recorded by {competition.savedBy.name} on {account.format.date(competition.savedAt)}
            </Text>
          )}
        </>
      )}
      {permissions.canEdit &&
        (editing ? (
          <CompetitionEditor account={account} competition={competition} onClose={() => setEditing(false)} />
        ) : (
          <ButtonRow>
            <Button size="sm" onClick={() => setEditing(true)}>
              Edit competitors and our position
            </Button>
          </ButtonRow>
        ))}
    </Flex>
  );
}

function Points({ title, points }: { title: string; points: readonly string[] }) {
  if (points.length === 0) return null;
  return (
    <Flex direction="column" gap="extra-small">
      <Text format={{ fontWeight: 'demibold' }}>{title}</Text>
      <List variant="unordered">
        {points.map((point) => (
          <Text key={point}>{point}</Text>
        ))}
      </List>
    </Flex>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function CompetitionEditor({
  account,
  competition,
  onClose,
}: {
  account: AccountView<'relationships'>;
  competition: Competition;
  onClose: () => void;
}) {
  const [competitors, setCompetitors] = useState(competition.competitors);
  const [strengths, setStrengths] = useState(competition.strengths.join('\n'));
  const [weaknesses, setWeaknesses] = useState(competition.weaknesses.join('\n'));
  const save = useFunctionAction('save_competition');
  const action = useActionId();
  const change = (index: number, field: Partial<Competition['competitors'][number]>) =>
    setCompetitors((all) => all.map((c, i) => (i === index ? { ...c, ...field } : c)));

  const saving = {
    ...account.caller,
    baseRevision: competition.revision,
    competition: { competitors, strengths: lines(strengths), weaknesses: lines(weaknesses) },
  };
  // What the function said of a field stands while the field holds what was sent.
  const { failure, marks, sending } = useStandingRefusal(save.state, saving);
  const { unsent, mark, check } = useUnsent(saving, marks);
  const competitorAt = (index: number, field: keyof Competition['competitors'][number]) =>
    mark(`competition.competitors.${index}.${field}`);
  const fields = competitors.map((c) => ({
    name: typedField(COMPETITION_TEXT.competitorName, c.name),
    services: typedField(COMPETITION_TEXT.services, c.services),
  }));
  const pointsField = (points: string, one: string, many: string) =>
    typedListField(COMPETITION_TEXT.points, lines(points), {
      one,
      many,
      describe: (limits) => `One a line: ${limits}`,
    });
  const strengthsField = pointsField(strengths, 'strength', 'strengths');
  const weaknessesField = pointsField(weaknesses, 'weakness', 'weaknesses');
  const typedProblem = [
    ...fields.flatMap((f) => [f.name.problem, f.services.problem]),
    strengthsField.problem,
    weaknessesField.problem,
  ].some((problem) => problem !== null);

  const submit = async () => {
    // A row added and left unnamed: said beside it on the press, rather than by the function after a round trip.
    const unnamed = competitors.flatMap((c, index) =>
      c.name.trim() === ''
        ? [{ path: `competition.competitors.${index}.name`, message: 'cannot be empty: name them, or remove the row' }]
        : [],
    );
    if (!check(unnamed)) return;
    sending(saving);
    const outcome = await save.run({ ...saving, actionId: action.idFor(saving) });
    if (outcome.ok) {
      action.saved();
      onClose();
      account.refresh();
    }
  };

  return (
    <Flex direction="column" gap="small">
      {competitors.map((c, index) => (
        <Flex key={index} direction="row" gap="small" align="end" wrap>
          <Input
            label="Competitor"
            name={`competitor-${index}-name`}
            required
            value={c.name}
            {...followTyping((name) => change(index, { name }))}
            {...fields[index]!.name.props(() => competitorAt(index, 'name'))}
          />
          <Input
            label="Used for"
            name={`competitor-${index}-services`}
            value={c.services}
            {...followTyping((services) => change(index, { services }))}
            {...fields[index]!.services.props(() => competitorAt(index, 'services'))}
          />
          <Select
            label="Their relationships"
            name={`competitor-${index}-strength`}
            value={c.relationshipStrength}
            options={optionsOf(STRENGTH_LABELS)}
            onChange={(value) => change(index, { relationshipStrength: value as CompetitorStrength })}
            {...competitorAt(index, 'relationshipStrength')}
          />
          <Button variant="transparent" onClick={() => setCompetitors((all) => all.filter((_, i) => i !== index))}>
            Remove
          </Button>
        </Flex>
      ))}
      <ButtonRow>
        <Button
          disabled={competitors.length >= COMPETITORS_MAX}
          onClick={() =>
            setCompetitors((all) => [...all, { name: '', services: '', relationshipStrength: 'moderate' }])
          }
        >
          Add a competitor
        </Button>
      </ButtonRow>
      {/* The save would be refused past the limit: say so where the next one would be added. */}
      {competitors.length >= COMPETITORS_MAX && (
        <Text variant="microcopy" testId="competitors-full">
          {`At most ${COMPETITORS_MAX} competitors: remove one to add another.`}
        </Text>
      )}
      <TextArea
        label="Our strengths"
        name="strengths"
        value={strengths}
        {...followTyping(setStrengths)}
        {...strengthsField.props(() => marks.at('competition.strengths'))}
      />
      <TextArea
        label="Our weaknesses"
        name="weaknesses"
        value={weaknesses}
        {...followTyping(setWeaknesses)}
        {...weaknessesField.props(() => marks.at('competition.weaknesses'))}
      />
      <Unsent title="The competitors were not saved" uid="save_competition" unsent={unsent} sent={saving} />
      {failure && (
        <ActionFailed title="The competitors were not saved" failure={failure} highlighted={marks.highlighted} />
      )}
      <ButtonRow>
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={typedProblem || save.state.status === 'loading'}
        >
          {save.state.status === 'loading' ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
