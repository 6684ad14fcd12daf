import {
  Alert,
  Button,
  ButtonRow,
  EmptyState,
  Flex,
  Heading,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { KeyContact } from '../../../contracts/card-data.ts';
import type { RecordContactStanceParameters } from '../../../contracts/record-contact-stance.ts';
import { BUYING_ROLE_LABELS, DECISION_POWER_LABELS, optionsOf, STANCE_LABELS } from '../../ui/labels.ts';
import { followTyping } from '../../ui/typing.ts';
import { splitList } from '../../../kam/shared/list-value.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';

const NOT_SET = '';

export function RelationshipsSection({ account }: { account: AccountView<'relationships'> }) {
  const { relationships, permissions, company } = account.data;
  const { format } = account;
  const [editing, setEditing] = useState<string | null>(null);
  const stance = useFunctionAction('record_contact_stance');

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

  // One click: a changed select saves at once, then the card reloads what HubSpot holds.
  const saveStance = async (
    contactId: string,
    change: Pick<RecordContactStanceParameters, 'stance' | 'decisionPower'>,
  ) => {
    const outcome = await stance.run({ ...account.caller, contactId, ...change });
    if (outcome.ok) account.refresh();
  };
  const editable = permissions.canEdit;
  const editedContact = relationships.contacts.find((c) => c.contactId === editing);

  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="small" align="center">
        <Text format={{ fontWeight: 'bold' }}>Coverage {format.whole(relationships.coverage.score)} of 100</Text>
        <Text variant="microcopy">{relationships.coverage.reasons.join(' · ')}</Text>
      </Flex>
      {relationships.activities.weighed < relationships.activities.logged && (
        <Text variant="microcopy" testId="activities-weighed">
          {`Coverage weighs ${format.whole(relationships.activities.weighed)} of the ${format.whole(relationships.activities.logged)} meetings, calls and emails logged with these contacts, the most recent of each kind: one card cannot read more from HubSpot at once.`}
        </Text>
      )}
      {relationships.coverage.warnings.map((warning) => (
        <Alert key={warning.kind} title={WARNING_TITLES[warning.kind]} variant="warning">
          {warning.message}
        </Alert>
      ))}
      {stance.state.status === 'error' && (
        <ActionFailed title="The change was not saved" failure={stance.state.failure} />
      )}
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
          {relationships.contacts.map((contact) => (
            <TableRow key={contact.contactId}>
              <TableCell>
                <Text format={{ fontWeight: 'demibold' }}>{contact.name}</Text>
                <Text variant="microcopy">
                  {[
                    contact.jobTitle,
                    contact.reportsTo
                      ? `reports to ${contact.reportsTo.name ?? 'an unknown contact'}`
                      : 'supervisor unknown',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {contact.isKey && (
                  <Tag inline variant="info">
                    Key contact
                  </Tag>
                )}
                {contact.buyingRoles.map((role) => (
                  <Tag key={role} inline>
                    {BUYING_ROLE_LABELS[role]}
                  </Tag>
                ))}
                {contact.departure && (
                  <Text testId={`departure-${contact.contactId}`}>{departureLine(contact, account)}</Text>
                )}
              </TableCell>
              <TableCell>
                {editable ? (
                  <Select
                    label="Stance"
                    name={`stance-${contact.contactId}`}
                    value={contact.stance ?? NOT_SET}
                    readOnly={stance.state.status === 'loading'}
                    options={[{ value: NOT_SET, label: 'Unknown' }, ...optionsOf(STANCE_LABELS)]}
                    onChange={(value) =>
                      void saveStance(contact.contactId, {
                        stance: value === NOT_SET ? null : (value as KeyContact['stance']),
                      })
                    }
                  />
                ) : (
                  <Text>{contact.stance ? STANCE_LABELS[contact.stance] : 'Unknown'}</Text>
                )}
                <EarlierStance contact={contact} account={account} />
              </TableCell>
              <TableCell>
                {editable ? (
                  <Select
                    label="Decision power"
                    name={`power-${contact.contactId}`}
                    value={contact.decisionPower ?? NOT_SET}
                    readOnly={stance.state.status === 'loading'}
                    options={[{ value: NOT_SET, label: 'Unknown' }, ...optionsOf(DECISION_POWER_LABELS)]}
                    onChange={(value) =>
                      void saveStance(contact.contactId, {
                        decisionPower: value === NOT_SET ? null : (value as KeyContact['decisionPower']),
                      })
                    }
                  />
                ) : (
                  <Text>{contact.decisionPower ? DECISION_POWER_LABELS[contact.decisionPower] : 'Unknown'}</Text>
                )}
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
              {editable && (
                <TableCell>
                  <Button size="sm" onClick={() => setEditing(contact.contactId)}>
                    Edit
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editable && editedContact && (
        <ContactEditor
          key={editedContact.contactId}
          account={account}
          contact={editedContact}
          onClose={() => setEditing(null)}
        />
      )}
      {!editable && (
        <ReadOnlyNotice>
          {permissions.readOnlyReason ?? 'Only key account managers can record stances and departures.'}
        </ReadOnlyNotice>
      )}
    </Flex>
  );
}

const WARNING_TITLES: Record<
  AccountView<'relationships'>['data']['relationships']['coverage']['warnings'][number]['kind'],
  string
> = {
  single_threaded: 'Single-threaded',
  single_person_dependency: 'Depends on one of our people',
  uncovered_decision_makers: 'Decision makers nobody talks to',
  stale_allies: 'Allies going cold',
  departed_key_contacts: 'Key contacts have left',
  unknown_supervisors: 'Supervisors unknown',
};

/** The stance before the current one, from HubSpot's property history: "was Protester until 3 Mar 2026". */
function EarlierStance({ contact, account }: { contact: KeyContact; account: AccountView<'relationships'> }) {
  const [current, previous] = contact.stanceHistory;
  if (!current || !previous) return null;
  return (
    <Text variant="microcopy" testId={`stance-history-${contact.contactId}`}>
      was {previous.stance ? STANCE_LABELS[previous.stance] : 'unknown'} until {account.format.date(current.at)}
    </Text>
  );
}

function departureLine(contact: KeyContact, account: AccountView<'relationships'>): string {
  const { departure } = contact;
  if (!departure) return '';
  const when = departure.leftAt === null ? 'Has left' : `Left on ${account.format.date(departure.leftAt)}`;
  return departure.replacedBy ? `${when}, replaced by ${departure.replacedBy.name ?? 'another contact'}` : when;
}

/** Topics the contact decides on, and departure ("left", "replaced by") or undoing a mistaken one. */
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
  const [replacedBy, setReplacedBy] = useState(NOT_SET);
  const stance = useFunctionAction('record_contact_stance');
  const departure = useFunctionAction('record_contact_departure');
  const colleagues = account.data.relationships.contacts.filter(
    (c) => c.contactId !== contact.contactId && !c.departure,
  );
  const busy = stance.state.status === 'loading' || departure.state.status === 'loading';

  const saveTopics = async () => {
    const decisionTopics = splitList(topics);
    if ((await stance.run({ ...account.caller, contactId: contact.contactId, decisionTopics })).ok) account.refresh();
  };
  const recordDeparture = async (left: boolean) => {
    const change = left ? { left, replacedByContactId: replacedBy === NOT_SET ? null : replacedBy } : { left };
    if ((await departure.run({ ...account.caller, contactId: contact.contactId, ...change })).ok) account.refresh();
  };

  return (
    <Flex direction="column" gap="small">
      <Heading>{contact.name}</Heading>
      <Input
        label="Decides on"
        name="topics"
        value={topics}
        {...followTyping(setTopics)}
        description="Topics separated by semicolons, e.g. budget; IT suppliers"
      />
      <ButtonRow>
        <Button onClick={() => void saveTopics()} disabled={busy}>
          Save topics
        </Button>
      </ButtonRow>
      {contact.departure ? (
        <ButtonRow>
          <Button onClick={() => void recordDeparture(false)} disabled={busy}>
            {contact.name} has not left: undo
          </Button>
        </ButtonRow>
      ) : (
        <>
          <Select
            label="Replaced by"
            name="replacedBy"
            value={replacedBy}
            options={[
              { value: NOT_SET, label: 'Nobody yet' },
              ...colleagues.map((c) => ({ value: c.contactId, label: c.name })),
            ]}
            onChange={(value) => setReplacedBy(String(value))}
          />
          <ButtonRow>
            <Button variant="destructive" onClick={() => void recordDeparture(true)} disabled={busy}>
              Mark {contact.name} as left
            </Button>
          </ButtonRow>
        </>
      )}
      {stance.state.status === 'error' && (
        <ActionFailed title="The topics were not saved" failure={stance.state.failure} />
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
