import {
  Accordion,
  Box,
  Button,
  ButtonRow,
  EmptyState,
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
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { KeyContact } from '../../../contracts/card-data.ts';
import type { RecordContactStanceParameters } from '../../../contracts/record-contact-stance.ts';
import { CONTACT_STANCE_TEXT } from '../../../contracts/typed-text-rules.ts';
import { BUYING_ROLE_LABELS, DECISION_POWER_LABELS, optionsOf, STANCE_LABELS } from '../../ui/labels.ts';
import { useActionId } from '../../ui/action-id.ts';
import { followTyping } from '../../ui/typing.ts';
import { typedListField } from '../../ui/typed-text.ts';
import { fieldMarks, standingFailure } from '../../ui/function-call.ts';
import { splitList } from '../../../kam/shared/list-value.ts';
import { orgChartFindings, type OrgChart } from '../../../kam/coverage/org-chart.ts';
import { CompetitionSection } from './CompetitionSection.tsx';
import { SatisfactionSection } from './SatisfactionSection.tsx';
import { departureWords, RelationshipMap, reportsToWords, useOrgChart } from './RelationshipMap.tsx';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { DepartureForm, KeyContactToggle, StanceTimeline, WatchedBecause } from './ContactChanges.tsx';

const NOT_SET = '';

export function RelationshipsSection({ account }: { account: AccountView<'relationships'> }) {
  const { relationships, permissions, company } = account.data;
  const { format } = account;
  const [editing, setEditing] = useState<string | null>(null);
  const [view, setView] = useState<'map' | 'table'>('map');
  const chart = useOrgChart(relationships.contacts);

  if (relationships.contacts.length === 0) {
    return (
      <EmptyState title="No contacts yet" imageName="contacts" layout="vertical">
        <Text>
          Associate the people you know at {company.name} with this company. Give the ones who matter a buying role or a
          decision power and Keystone will track your coverage of them.
        </Text>
      </EmptyState>
    );
  }

  const editable = permissions.canEdit;
  const editedContact = relationships.contacts.find((c) => c.contactId === editing);
  // The edit form opens right where the user clicked: under the person on the map, under the row in the table.
  const form = editable && editedContact && (
    <ContactEditor
      key={editedContact.contactId}
      account={account}
      contact={editedContact}
      onClose={() => setEditing(null)}
    />
  );
  const onEdit = editable ? (contactId: string) => setEditing((open) => (open === contactId ? null : contactId)) : null;

  return (
    <Flex direction="column" gap="medium">
      <CoverageFindings account={account} chart={chart} />
      {relationships.activities.weighed < relationships.activities.logged && (
        <Text variant="microcopy" testId="activities-weighed">
          {`Coverage weighs ${format.whole(relationships.activities.weighed)} of the ${format.whole(relationships.activities.logged)} meetings, calls and emails logged with these contacts, the most recent of each kind: one card reads no more, to leave HubSpot's shared limit to the rest of the firm.`}
        </Text>
      )}
      {/* Said above the people, where a manager would click to record a stance or a departure. */}
      {!editable && (
        <ReadOnlyNotice>
          {permissions.readOnlyReason ?? 'Only key account managers can record stances and departures.'}
        </ReadOnlyNotice>
      )}
      <ToggleGroup
        toggleType="radioButtonList"
        name="relationships-view"
        label="Show"
        inline
        options={[
          { value: 'map', label: 'Map of the organisation' },
          { value: 'table', label: 'Table' },
        ]}
        value={view}
        onChange={(value) => setView(value === 'table' ? 'table' : 'map')}
      />
      {view === 'map' ? (
        <RelationshipMap account={account} chart={chart} editor={{ editingId: editing, onEdit, form }} />
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Contact</TableHeader>
              <TableHeader>Stance</TableHeader>
              <TableHeader>Decides</TableHeader>
              <TableHeader>Last touch</TableHeader>
              <TableHeader>Held by</TableHeader>
              {editable && <TableHeader> </TableHeader>}
            </TableRow>
          </TableHead>
          <TableBody>
            {relationships.contacts.flatMap((contact) => [
              <TableRow key={contact.contactId}>
                <TableCell>
                  <Text format={{ fontWeight: 'demibold' }}>{contact.name}</Text>
                  <Text variant="microcopy">
                    {[contact.jobTitle, reportsToWords(contact)].filter(Boolean).join(' · ')}
                  </Text>
                  {/* The "Key contact" label a manager sets; any other reason to watch is WatchedBecause's. */}
                  {contact.keyContactLabel && (
                    <Tag inline variant="info">
                      Key contact
                    </Tag>
                  )}
                  <WatchedBecause contact={contact} canEdit={account.data.permissions.canEdit} />
                  {contact.buyingRoles.map((role) => (
                    <Tag key={role} inline>
                      {BUYING_ROLE_LABELS[role]}
                    </Tag>
                  ))}
                  {contact.departure && (
                    <Text testId={`departure-${contact.contactId}`}>{departureWords(contact, account)}</Text>
                  )}
                </TableCell>
                <TableCell>
                  <Text>{contact.stance ? STANCE_LABELS[contact.stance] : 'Unknown'}</Text>
                  <StanceTimeline contact={contact} account={account} />
                </TableCell>
                <TableCell>
                  <Text>{contact.decisionPower ? DECISION_POWER_LABELS[contact.decisionPower] : 'Unknown'}</Text>
                  {contact.decisionTopics.length > 0 && (
                    <Text variant="microcopy">on {contact.decisionTopics.join(', ')}</Text>
                  )}
                </TableCell>
                <TableCell>
                  {contact.lastTouchAt === null ? 'Never' : format.daysFrom(contact.lastTouchAt, account.data.readAt)}
                </TableCell>
                <TableCell>
                  {contact.heldBy.length === 0 ? 'Nobody' : contact.heldBy.map((h) => h.person.name).join(', ')}
                </TableCell>
                {onEdit && (
                  <TableCell>
                    <Button size="sm" onClick={() => onEdit(contact.contactId)}>
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>,
              ...(editing === contact.contactId && form
                ? [
                    <TableRow key={`${contact.contactId}-editor`}>
                      <TableCell colSpan={6}>{form}</TableCell>
                    </TableRow>,
                  ]
                : []),
            ])}
          </TableBody>
        </Table>
      )}
      <SatisfactionSection account={account} />
      <CompetitionSection account={account} />
    </Flex>
  );
}

/** The coverage score, then what stands out as a short list, each finding naming the people it is about. */
function CoverageFindings({ account, chart }: { account: AccountView<'relationships'>; chart: OrgChart }) {
  const { coverage, contacts } = account.data.relationships;
  const names = new Map(contacts.map((c) => [c.contactId, c.name]));
  const namesOf = (ids: readonly string[]) => {
    const named = ids.slice(0, NAMES_LISTED).map((id) => names.get(id) ?? `contact ${id}`);
    const rest = ids.length - named.length;
    return rest > 0 ? `${named.join(', ')} and ${account.format.whole(rest)} more` : named.join(', ');
  };
  // Coverage's own warnings already name the key contacts whose supervisor is unknown or has left.
  const gaps = orgChartFindings(chart).filter((f) => f.kind !== 'supervisor_unknown' && f.kind !== 'supervisor_left');
  return (
    <Flex direction="column" gap="extra-small" testId="coverage-findings">
      <Text format={{ fontWeight: 'bold' }}>Coverage {account.format.whole(coverage.score)} of 100</Text>
      {coverage.warnings.length + gaps.length === 0 ? (
        <Text variant="microcopy">Nothing stands out: every watched contact is surrounded by people we know.</Text>
      ) : (
        <List variant="unordered">
          {[
            // Coverage's warnings and the map's findings share kinds ("single_threaded"): keyed apart, so neither
            // is dropped when the list changes.
            ...coverage.warnings.map((warning) => (
              <Text key={`warning-${warning.kind}`}>
                <Text inline format={{ fontWeight: 'demibold' }}>
                  {warningTitle(warning)}:
                </Text>{' '}
                {warning.message}
              </Text>
            )),
            ...gaps.map((finding) => (
              <Text key={`finding-${finding.kind}`}>
                <Text inline format={{ fontWeight: 'demibold' }}>
                  {FINDING_TITLES[finding.kind]}:
                </Text>{' '}
                {namesOf(finding.contactIds)}
              </Text>
            )),
          ]}
        </List>
      )}
      <Accordion title="How the score is made" size="small">
        <List variant="unordered">
          {coverage.reasons.map((reason) => (
            <Text key={reason} variant="microcopy">
              {reason}
            </Text>
          ))}
        </List>
      </Accordion>
    </Flex>
  );
}

/** Names listed in a finding before the rest are counted. */
const NAMES_LISTED = 6;

const FINDING_TITLES: Record<ReturnType<typeof orgChartFindings>[number]['kind'], string> = {
  supervisor_unknown: 'Supervisor unknown',
  supervisor_left: 'Supervisor has left',
  supervisor_out_of_touch: 'Supervisor nobody of ours talks to',
  peers_unknown: 'No peers known',
  peers_out_of_touch: 'Peers nobody of ours talks to',
  subordinates_unknown: 'No reports known',
  subordinates_out_of_touch: 'Reports nobody of ours talks to',
  single_threaded: 'Held by one of our people only',
};

const WARNING_TITLES: Record<
  AccountView<'relationships'>['data']['relationships']['coverage']['warnings'][number]['kind'],
  string
> = {
  out_of_touch: 'Nobody in touch',
  single_threaded: 'Single-threaded',
  single_person_dependency: 'Depends on one of our people',
  uncovered_decision_makers: 'Decision makers nobody talks to',
  stale_allies: 'Allies out of touch',
  departed_key_contacts: 'Watched contacts have left',
  // Several may report to the one who left: said the same for one or many.
  supervisors_left: 'Reporting to someone who has left',
  unknown_supervisors: 'Supervisors unknown',
};

/** Titles that count the contacts a warning names, said of one where it names one. */
const ONE_CONTACT_TITLES: Partial<Record<keyof typeof WARNING_TITLES, string>> = {
  departed_key_contacts: 'A watched contact has left',
  supervisors_left: 'Supervisor has left',
  unknown_supervisors: 'Supervisor unknown',
};

function warningTitle({ kind, contactIds }: { kind: keyof typeof WARNING_TITLES; contactIds: readonly string[] }) {
  return (contactIds.length === 1 ? ONE_CONTACT_TITLES[kind] : undefined) ?? WARNING_TITLES[kind];
}

/** Topics the contact decides on, the key-contact mark, and departure (why, when, replaced by) or undoing a mistaken one. */
function ContactEditor({
  account,
  contact,
  onClose,
}: {
  account: AccountView<'relationships'>;
  contact: KeyContact;
  onClose: () => void;
}) {
  const [topics, setTopics] = useState(contact.decisionTopics.join('; '));
  const stance = useFunctionAction('record_contact_stance');
  const departure = useFunctionAction('record_contact_departure');
  const action = useActionId();
  const busy = stance.state.status === 'loading' || departure.state.status === 'loading';

  // One click: a changed select saves at once, then the card reloads what HubSpot holds. The same change
  // chosen again after an error is the same action: it is not written twice.
  const saveStance = async (change: Omit<RecordContactStanceParameters, 'companyId' | 'userId' | 'contactId'>) => {
    const saving = { ...account.caller, contactId: contact.contactId, ...change };
    if ((await stance.run({ ...saving, actionId: action.idFor(saving) })).ok) {
      action.saved();
      account.refresh();
    }
  };

  const saveTopics = () => saveStance({ decisionTopics: splitList(topics) });
  // The topics are the one typed field here: a refusal of them is marked on it until they are retyped.
  const [topicsSent, setTopicsSent] = useState<string | null>(null);
  const stanceFailure = standingFailure(stance.state.status === 'error' ? stance.state.failure : null, (path) =>
    path.startsWith('decisionTopics') ? topicsSent === topics : true,
  );
  const marks = fieldMarks(stanceFailure);
  const topicsField = typedListField(CONTACT_STANCE_TEXT.decisionTopics, splitList(topics), {
    one: 'topic',
    many: 'topics',
    describe: (limits) => `Topics separated by semicolons, e.g. budget; IT suppliers (${limits})`,
  });
  const undoDeparture = async () => {
    const undoing = { ...account.caller, contactId: contact.contactId, left: false };
    if ((await departure.run({ ...undoing, actionId: action.idFor(undoing) })).ok) {
      action.saved();
      account.refresh();
    }
  };

  return (
    <Flex direction="column" gap="small" testId="contact-editor">
      <Heading>{contact.name}</Heading>
      <Flex direction="row" gap="small" wrap>
        <Box flex={1}>
          <Select
            label="Stance"
            name={`stance-${contact.contactId}`}
            value={contact.stance ?? NOT_SET}
            readOnly={busy}
            options={[{ value: NOT_SET, label: 'Unknown' }, ...optionsOf(STANCE_LABELS)]}
            onChange={(value) =>
              void saveStance({ stance: value === NOT_SET ? null : (value as KeyContact['stance']) })
            }
            {...marks.at('stance')}
          />
        </Box>
        <Box flex={1}>
          <Select
            label="Decision power"
            name={`power-${contact.contactId}`}
            value={contact.decisionPower ?? NOT_SET}
            readOnly={busy}
            options={[{ value: NOT_SET, label: 'Unknown' }, ...optionsOf(DECISION_POWER_LABELS)]}
            onChange={(value) =>
              void saveStance({
                decisionPower: value === NOT_SET ? null : (value as KeyContact['decisionPower']),
              })
            }
            {...marks.at('decisionPower')}
          />
        </Box>
      </Flex>
      <Input
        label="Decides on"
        name="topics"
        value={topics}
        {...followTyping(setTopics)}
        {...topicsField.props(() => marks.at('decisionTopics'))}
      />
      <ButtonRow>
        <Button
          onClick={() => {
            setTopicsSent(topics);
            void saveTopics();
          }}
          disabled={busy || topicsField.problem !== null}
        >
          Save topics
        </Button>
      </ButtonRow>
      {contact.departure ? (
        <ButtonRow>
          <Button onClick={() => void undoDeparture()} disabled={busy}>
            {contact.name} has not left: undo
          </Button>
        </ButtonRow>
      ) : (
        <DepartureForm account={account} contact={contact} />
      )}
      <KeyContactToggle account={account} contact={contact} />
      {stanceFailure && (
        <ActionFailed title="The change was not saved" failure={stanceFailure} highlighted={marks.highlighted} />
      )}
      {departure.state.status === 'error' && (
        <ActionFailed title="The departure was not recorded" failure={departure.state.failure} />
      )}
      <ButtonRow>
        <Button variant="transparent" onClick={onClose}>
          Close
        </Button>
      </ButtonRow>
    </Flex>
  );
}
