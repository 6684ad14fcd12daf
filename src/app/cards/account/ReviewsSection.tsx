import {
  Button,
  ButtonRow,
  Flex,
  Heading,
  Select,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
  DateInput,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Review, ReviewTrigger } from '../../../contracts/card-data.ts';
import type { LogReviewParameters } from '../../../contracts/log-review.ts';
import type { RecordReviewEventParameters } from '../../../contracts/record-review-event.ts';
import {
  evidenceInWords,
  optionsOf,
  RECORDED_EVENT_LABELS,
  REVIEW_CADENCE_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_STATUS_LABELS,
} from '../../ui/labels.ts';
import { followTyping } from '../../ui/typing.ts';
import { fromCalendarDate, toCalendarDate } from '../../ui/format.ts';
import { useActionId } from '../../ui/action-id.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';

const STATUS_VARIANTS = { not_scheduled: 'default', upcoming: 'info', due: 'warning', overdue: 'danger' } as const;

export function ReviewsSection({ account }: { account: AccountView<'reviews'> }) {
  const { reviews, permissions, readAt } = account.data;
  const { format } = account;
  const [logging, setLogging] = useState(false);
  const [recording, setRecording] = useState(false);
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="small" align="center">
        <StatusTag variant={STATUS_VARIANTS[reviews.status]}>{REVIEW_STATUS_LABELS[reviews.status]}</StatusTag>
        <Text testId="next-review">
          {!reviews.inReviewCycle
            ? 'Not in the review cycle: only key accounts are reviewed.'
            : reviews.nextDueAt === null
              ? 'No review scheduled: reviews start once the account has a plan.'
              : `Next ${REVIEW_CADENCE_LABELS[reviews.cadence].toLowerCase()} review ${format.date(reviews.nextDueAt)} (${format.daysFrom(reviews.nextDueAt, readAt)})`}
        </Text>
      </Flex>
      <Heading>Changes that call for a review</Heading>
      {reviews.triggered.length === 0 ? (
        <Text>Nothing has changed since the last review.</Text>
      ) : (
        <Triggers triggers={reviews.triggered} account={account} />
      )}
      {permissions.canEdit ? (
        logging ? (
          <LogReviewForm account={account} onClose={() => setLogging(false)} />
        ) : recording ? (
          <RecordEventForm account={account} onClose={() => setRecording(false)} />
        ) : (
          <ButtonRow>
            <Button onClick={() => setLogging(true)}>Log a review…</Button>
            <Button onClick={() => setRecording(true)}>Record an event…</Button>
          </ButtonRow>
        )
      ) : (
        <ReadOnlyNotice>{permissions.readOnlyReason ?? 'Only key account managers can log reviews.'}</ReadOnlyNotice>
      )}
      <Heading>History</Heading>
      {reviews.history.length === 0 ? (
        <Text>No reviews logged yet.</Text>
      ) : (
        <History history={reviews.history} account={account} />
      )}
    </Flex>
  );
}

function Triggers({ triggers, account }: { triggers: ReviewTrigger[]; account: AccountView<'reviews'> }) {
  const names = {
    owner: (ownerId: string) => account.data.owners.find((o) => o.ownerId === ownerId)?.name ?? null,
    company: (companyId: string) => account.data.reviews.companyNames[companyId] ?? null,
  };
  return (
    <Flex direction="column" gap="extra-small">
      {triggers.map((t) => (
        <Flex key={`${t.kind}-${t.evidence.objectId}-${t.at}`} direction="column">
          <Text format={{ fontWeight: 'demibold' }}>{t.message}</Text>
          <Text variant="microcopy">
            {account.format.date(t.at)} · {evidenceInWords(t.evidence, names)}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}

function History({ history, account }: { history: Review[]; account: AccountView<'reviews'> }) {
  return (
    <Table bordered={false} density="condensed">
      <TableHead>
        <TableRow>
          <TableHeader>Date</TableHeader>
          <TableHeader>Review</TableHeader>
          <TableHeader>Outcome</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map((r) => (
          <TableRow key={r.reviewId}>
            <TableCell>{account.format.date(r.reviewedAt)}</TableCell>
            <TableCell>
              {REVIEW_KIND_LABELS[r.kind]}
              {r.reviewedBy ? ` by ${r.reviewedBy.name}` : ''}
            </TableCell>
            <TableCell>
              <Text>{r.outcomes.map((o) => REVIEW_OUTCOME_LABELS[o]).join(', ') || 'No outcome recorded'}</Text>
              <Text variant="microcopy">{r.summary}</Text>
              <ReviewActions review={r} account={account} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Each action the review produced under its own outcome, with who does it and by when. */
function ReviewActions({ review, account }: { review: Review; account: AccountView<'reviews'> }) {
  return (
    <>
      {REVIEW_OUTCOMES_IN_ORDER.filter((o) => review.actions.some((a) => a.outcome === o)).map((outcome) => (
        <Flex key={outcome} direction="column" gap="extra-small">
          <Text format={{ fontWeight: 'demibold' }}>{REVIEW_OUTCOME_LABELS[outcome]}</Text>
          {review.actions
            .filter((a) => a.outcome === outcome)
            .map((a, i) => (
              <Text key={i} testId={`review-action-${review.reviewId}-${outcome}-${i}`}>
                {`${a.text} (${a.owner?.name ?? 'nobody'}, due ${account.format.date(a.dueAt)}${a.taskId === null ? ', no task yet' : ''})`}
              </Text>
            ))}
        </Flex>
      ))}
    </>
  );
}

type EventKind = RecordReviewEventParameters['kind'];

/** Records an event HubSpot cannot see (a competitor, the supply chain, our own changes, the market) as a reason to review. */
function RecordEventForm({ account, onClose }: { account: AccountView<'reviews'>; onClose: () => void }) {
  const [kind, setKind] = useState<EventKind | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const record = useFunctionAction('record_review_event');
  const action = useActionId();
  const timeZone = account.format.timeZone;
  const today = toCalendarDate(account.data.readAt, timeZone);

  const submit = async () => {
    if (kind === null) return;
    const event = { ...account.caller, kind, note: note.trim(), ...(at === null ? {} : { at }) };
    if ((await record.run({ ...event, actionId: action.idFor(event) })).ok) {
      action.saved();
      onClose();
      account.refresh();
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Select
        label="What happened"
        name="eventKind"
        value={kind ?? undefined}
        options={optionsOf(RECORDED_EVENT_LABELS)}
        onChange={(v) => setKind(v as EventKind)}
        required
      />
      <DateInput
        label="When"
        name="eventAt"
        description="Today unless you pick another day"
        value={at === null ? today : toCalendarDate(at, timeZone)}
        onChange={(picked) =>
          // Today is sent as no date, so the function stamps the moment it records the event.
          setAt(
            picked && !(picked.year === today.year && picked.month === today.month && picked.date === today.date)
              ? fromCalendarDate(picked)
              : null,
          )
        }
      />
      <TextArea label="What it means for the plan" name="eventNote" value={note} {...followTyping(setNote)} required />
      {record.state.status === 'error' && (
        <ActionFailed title="The event was not recorded" failure={record.state.failure} />
      )}
      <ButtonRow>
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={kind === null || note.trim().length < 3 || record.state.status === 'loading'}
        >
          {record.state.status === 'loading' ? 'Saving…' : 'Record the event'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}

type Kind = LogReviewParameters['kind'];
type Outcome = NonNullable<LogReviewParameters['outcomes']>[number];
interface DraftAction {
  outcome: Outcome;
  text: string;
  ownerId: string | null;
  dueAt: number | null;
}
const REVIEW_OUTCOMES_IN_ORDER = optionsOf(REVIEW_OUTCOME_LABELS).map((o) => o.value);
const NOBODY = '';

function LogReviewForm({ account, onClose }: { account: AccountView<'reviews'>; onClose: () => void }) {
  const { triggered } = account.data.reviews;
  // A review while changes are waiting answers them; otherwise it is the calendar review.
  const [kind, setKind] = useState<Kind>(triggered.length > 0 ? 'triggered' : 'calendar');
  const [actions, setActions] = useState<DraftAction[]>([]);
  const [summary, setSummary] = useState('');
  const log = useFunctionAction('log_review');
  const action = useActionId();
  const kinds = optionsOf(REVIEW_KIND_LABELS).filter((k) => k.value === 'calendar' || triggered.length > 0);
  const timeZone = account.format.timeZone;
  const owners = [
    { value: NOBODY, label: 'Pick who does it' },
    ...account.data.owners.map((o) => ({ value: o.ownerId, label: o.name })),
  ];
  const change = (index: number, patch: Partial<DraftAction>) =>
    setActions((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  // Whoever logs the review does an outcome unless they pick someone else.
  const me = account.data.owners.find((o) => o.userId === account.caller.userId)?.ownerId ?? null;
  const complete = actions.every((a) => a.text.trim().length >= 3 && a.ownerId !== null && a.dueAt !== null);

  const submit = async () => {
    const review = {
      ...account.caller,
      kind,
      outcomes: [],
      actions: actions.map((a) => ({ outcome: a.outcome, text: a.text.trim(), ownerId: a.ownerId!, dueAt: a.dueAt! })),
      summary: summary.trim(),
      triggers: kind === 'triggered' ? triggered : [],
    };
    const outcome = await log.run({ ...review, actionId: action.idFor(review) });
    if (outcome.ok) {
      action.saved();
      onClose();
      account.refresh();
      account.reportTasks(outcome.answer.tasks);
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Select label="Kind of review" name="kind" value={kind} options={kinds} onChange={(v) => setKind(v as Kind)} />
      <TextArea label="What was decided" name="summary" value={summary} {...followTyping(setSummary)} required />
      <Text>Each outcome becomes a HubSpot task for the person who does it.</Text>
      {actions.map((a, i) => (
        <Flex key={i} direction="column" gap="extra-small">
          <Select
            label="Outcome"
            name={`action-${i}-outcome`}
            value={a.outcome}
            options={optionsOf(REVIEW_OUTCOME_LABELS)}
            onChange={(v) => change(i, { outcome: v as Outcome })}
          />
          <TextArea
            label="What is to be done"
            name={`action-${i}-text`}
            value={a.text}
            {...followTyping((text) => change(i, { text }))}
            required
          />
          <Select
            label="Who does it"
            name={`action-${i}-owner`}
            value={a.ownerId ?? NOBODY}
            options={owners}
            onChange={(v) => change(i, { ownerId: v === NOBODY ? null : String(v) })}
            required
          />
          <DateInput
            label="Due"
            name={`action-${i}-due`}
            value={a.dueAt === null ? undefined : toCalendarDate(a.dueAt, timeZone)}
            onChange={(picked) => change(i, { dueAt: picked ? fromCalendarDate(picked) : null })}
            required
          />
          <ButtonRow>
            <Button size="sm" onClick={() => setActions((list) => list.filter((_, j) => j !== i))}>
              Remove this outcome
            </Button>
          </ButtonRow>
        </Flex>
      ))}
      <ButtonRow>
        <Button
          onClick={() =>
            setActions((list) => [...list, { outcome: 'plan_updated', text: '', ownerId: me, dueAt: null }])
          }
        >
          Add an outcome
        </Button>
      </ButtonRow>
      {log.state.status === 'error' && <ActionFailed title="The review was not logged" failure={log.state.failure} />}
      <ButtonRow>
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={summary.trim().length < 3 || !complete || log.state.status === 'loading'}
        >
          {log.state.status === 'loading' ? 'Saving…' : 'Log the review'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
