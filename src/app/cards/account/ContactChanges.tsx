import { Button, ButtonRow, DateInput, Flex, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { KeyContact } from '../../../contracts/card-data.ts';
import type { RecordContactDepartureParameters } from '../../../contracts/record-contact-departure.ts';
import { useActionId } from '../../ui/action-id.ts';
import { useStandingRefusal } from '../../ui/use-function.ts';
import { fromCalendarDate, toCalendarDate } from '../../ui/format.ts';
import { DEPARTURE_REASON_LABELS, optionsOf, STANCE_LABELS, WATCH_REASON_LABELS } from '../../ui/labels.ts';
import { ActionFailed, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';

// The people changes a manager records on a contact, as small pieces the Relationships tab places:
// why the programme watches the contact, the "Key contact" mark, the stance path, and a departure.

const NOBODY = '';

/**
 * Why the programme watches the contact (a departure, new title or change of stance triggers a review), or
 * what would make it: as what to do for a manager, as what is missing for those who cannot record it.
 */
export function WatchedBecause({ contact, canEdit }: { contact: KeyContact; canEdit: boolean }) {
  return (
    <Text variant="microcopy" testId={`watched-${contact.contactId}`}>
      {contact.watchedBecause.length > 0
        ? `Watched: ${contact.watchedBecause.map((r) => WATCH_REASON_LABELS[r]).join(', ')}`
        : canEdit
          ? 'Not watched: give them a stance, a buying role or a decision power other than "No say", or mark them as a key contact'
          : 'Not watched: no stance, buying role, say in decisions or key-contact mark is recorded for them'}
    </Text>
  );
}

/** Marks or unmarks the contact as a key contact of this company (HubSpot's "Key contact" label). */
export function KeyContactToggle({ account, contact }: { account: AccountView<'relationships'>; contact: KeyContact }) {
  const mark = useFunctionAction('record_contact_stance');
  const action = useActionId();
  const toggle = async () => {
    const marking = { ...account.caller, contactId: contact.contactId, keyContact: !contact.keyContactLabel };
    if ((await mark.run({ ...marking, actionId: action.idFor(marking) })).ok) {
      action.saved();
      account.refresh();
    }
  };
  return (
    <Flex direction="column" gap="extra-small">
      <ButtonRow>
        <Button size="sm" onClick={() => void toggle()} disabled={mark.state.status === 'loading'}>
          {contact.keyContactLabel ? 'Unmark as key contact' : 'Mark as key contact'}
        </Button>
      </ButtonRow>
      {mark.state.status === 'error' && <ActionFailed title="The mark was not saved" failure={mark.state.failure} />}
    </Flex>
  );
}

/** Every stance recorded for the contact, oldest first: "Protester 3 Jan 2026 → Neutral 1 Feb 2026 → Supporter 1 Mar 2026". */
export function StanceTimeline({ contact, account }: { contact: KeyContact; account: AccountView<'relationships'> }) {
  if (contact.stanceHistory.length < 2) return null;
  const path = [...contact.stanceHistory]
    .reverse()
    .map((h) => `${h.stance ? STANCE_LABELS[h.stance] : 'Unknown'} ${account.format.date(h.at)}`);
  return (
    <Text variant="microcopy" testId={`stance-history-${contact.contactId}`}>
      {path.join(' → ')}
    </Text>
  );
}

type Reason = NonNullable<RecordContactDepartureParameters['reason']>;

/** Records that the contact left their role: why, when (today unless picked) and who took over. */
export function DepartureForm({ account, contact }: { account: AccountView<'relationships'>; contact: KeyContact }) {
  const [reason, setReason] = useState<Reason | null>(null);
  const [leftAt, setLeftAt] = useState<number | null>(null);
  const [replacedBy, setReplacedBy] = useState(NOBODY);
  const departure = useFunctionAction('record_contact_departure');
  const action = useActionId();
  const colleagues = account.data.relationships.contacts.filter(
    (c) => c.contactId !== contact.contactId && !c.departure,
  );
  const timeZone = account.format.timeZone;
  // Today is sent as no date, so the function stamps the moment it records the departure.
  const today = toCalendarDate(account.data.readAt, timeZone);

  const change = {
    ...account.caller,
    contactId: contact.contactId,
    left: true,
    reason,
    replacedByContactId: replacedBy === NOBODY ? null : replacedBy,
    ...(leftAt === null ? {} : { leftAt }),
  };
  // What the function said of a field stands while the field holds what was sent.
  const { failure, marks, sending } = useStandingRefusal(departure.state, change);

  const record = async () => {
    if (change.reason === null) return;
    const recording = { ...change, reason: change.reason };
    sending(recording);
    if ((await departure.run({ ...recording, actionId: action.idFor(recording) })).ok) {
      action.saved();
      account.refresh();
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Select
        label="Why they left"
        name="departureReason"
        value={reason ?? undefined}
        required
        options={optionsOf(DEPARTURE_REASON_LABELS)}
        onChange={(value) => setReason(value as Reason)}
        {...marks.at('reason')}
      />
      <DateInput
        label="Left on"
        name="leftAt"
        description="Today unless you pick another day"
        value={toCalendarDate(leftAt ?? account.data.readAt, timeZone)}
        onChange={(picked) => setLeftAt(picked && !sameDay(picked, today) ? fromCalendarDate(picked) : null)}
        {...marks.at('leftAt')}
      />
      <Select
        label="Replaced by"
        name="replacedBy"
        value={replacedBy}
        options={[
          { value: NOBODY, label: 'Nobody yet' },
          ...colleagues.map((c) => ({ value: c.contactId, label: c.name })),
        ]}
        onChange={(value) => setReplacedBy(String(value))}
        {...marks.at('replacedByContactId')}
      />
      <ButtonRow>
        <Button
          variant="destructive"
          onClick={() => void record()}
          disabled={reason === null || departure.state.status === 'loading'}
        >
          Mark {contact.name} as left
        </Button>
      </ButtonRow>
      {failure && (
        <ActionFailed title="The departure was not recorded" failure={failure} highlighted={marks.highlighted} />
      )}
    </Flex>
  );
}

const sameDay = (a: { year: number; month: number; date: number }, b: typeof a) =>
  a.year === b.year && a.month === b.month && a.date === b.date;
