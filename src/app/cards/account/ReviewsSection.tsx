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
import type { Review, ReviewTrigger, ReviewsSection as ReviewsData } from '../../../contracts/card-data.ts';
import type { LogReviewParameters } from '../../../contracts/log-review.ts';
import type { RecordReviewEventParameters } from '../../../contracts/record-review-event.ts';
import { BEFORE_THE_LAST_REVIEW, predatesLastReview } from '../../../kam/reviews/last-review.ts';
import { REVIEW_EVENT_TEXT, REVIEW_TEXT } from '../../../contracts/typed-text-rules.ts';
import {
  optionsOf,
  RECORDED_EVENT_LABELS,
  REVIEW_CADENCE_LABELS,
  REVIEW_CALLED_FOR_LABEL,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_STATUS_LABELS,
  triggerDetail,
} from '../../ui/labels.ts';
import { followTyping } from '../../ui/typing.ts';
import { typedField, type HeldField } from '../../ui/typed-text.ts';
import { fromCalendarDate, toCalendarDate, type Formatters } from '../../ui/format.ts';
import { useActionId } from '../../ui/action-id.ts';
import { useStandingRefusal } from '../../ui/use-function.ts';
import { ActionFailed, ReadOnlyNotice, useFunctionAction } from './keystone-ui.ts';
import type { AccountView } from './account.ts';
import { DueInThePast, useDueInThePast } from './DueInThePast.tsx';
import { Unsent, useUnsent, writtenProblem } from './unsent.tsx';
import type { FieldIssue } from '../../ui/function-call.ts';

const STATUS_VARIANTS = { not_scheduled: 'default', upcoming: 'info', due: 'warning', overdue: 'danger' } as const;

export function ReviewsSection({ account }: { account: AccountView<'reviews'> }) {
  const { reviews, permissions, readAt } = account.data;
  const { format } = account;
  const [logging, setLogging] = useState(false);
  const [recording, setRecording] = useState(false);
  return (
    <Flex direction="column" gap="medium">
      <Flex direction="row" gap="small" align="center">
        <StatusTag variant={STATUS_VARIANTS[reviews.status]} testId="review-status">
          {REVIEW_STATUS_LABELS[reviews.status]}
        </StatusTag>
        {reviews.triggered.length > 0 && (
          <StatusTag variant="warning" testId="review-called-for-tag">
            {REVIEW_CALLED_FOR_LABEL}
          </StatusTag>
        )}
        <Text testId="next-review">{nextReviewLine(reviews, { format, readAt })}</Text>
      </Flex>
      {reviews.triggered.length > 0 && (
        <Text testId="review-called-for" format={{ fontWeight: 'demibold' }}>
          {reviewCalledFor(reviews, { format, readAt })}
        </Text>
      )}
      <Heading>Changes that call for a review</Heading>
      {reviews.triggered.length === 0 ? (
        <Text testId="no-review-triggers">{nothingCallsForAReview(reviews, format)}</Text>
      ) : (
        <Triggers triggers={reviews.triggered} account={account} />
      )}
      {/* Only key accounts are reviewed: elsewhere there is nothing to log a review or an event against. */}
      {!reviews.inReviewCycle ? null : permissions.canEdit ? (
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

/**
 * When the next calendar review falls: one whose date has passed was due then, however long ago. Without a
 * plan no review is scheduled, though one may be logged: the log_review function takes a key account's review
 * with or without a plan.
 */
function nextReviewLine(reviews: ReviewsData, { format, readAt }: { format: Formatters; readAt: number }): string {
  if (!reviews.inReviewCycle) return 'Not in the review cycle: only key accounts are reviewed.';
  if (reviews.nextDueAt === null)
    return 'No calendar review scheduled: the review cycle starts when the plan is first saved on the Plan tab. A review can be logged before then.';
  const cadence = REVIEW_CADENCE_LABELS[reviews.cadence];
  const when = `${format.date(reviews.nextDueAt)} (${format.daysFrom(reviews.nextDueAt, readAt)})`;
  return format.date(reviews.nextDueAt) !== format.date(readAt) && reviews.nextDueAt < readAt
    ? `${cadence} review was due ${when}`
    : `Next ${cadence.toLowerCase()} review ${when}`;
}

/**
 * That changes call for a review whatever the calendar says, how many and the latest (the list is newest
 * first), so the top of the section says so before the list does.
 */
function reviewCalledFor(reviews: ReviewsData, { format, readAt }: { format: Formatters; readAt: number }): string {
  const count = reviews.triggered.length;
  const latest = reviews.triggered[0]!;
  const since = reviews.history.length === 0 ? 'since the plan was started' : 'since the last review';
  const changes = `${format.whole(count)} ${count === 1 ? 'change' : 'changes'}`;
  const message = /[.!?…]$/.test(latest.message) ? latest.message : `${latest.message}.`;
  const when = `${format.date(latest.at)} (${format.daysFrom(latest.at, readAt)})`;
  return `A review is called for: ${changes} ${since}. The latest, ${when}: ${message}`;
}

/**
 * Why no change is listed, in words true of the account: changes are watched from the last review, or
 * from the plan's first save while none is logged, and only on a key account with a plan.
 */
function nothingCallsForAReview(reviews: ReviewsData, format: Formatters): string {
  const neverReviewed = reviews.history.length === 0;
  const noneYet = neverReviewed ? 'No review has been logged yet. ' : '';
  if (!reviews.inReviewCycle) return `${noneYet}Changes call for a review only on a key account.`;
  if (reviews.nextDueAt === null)
    return `${noneYet}Start the plan on the Plan tab: the first calendar review falls due a review cycle after its first save, and changes call for one from then.`;
  if (neverReviewed)
    return `No review has been logged yet, and nothing that calls for one has changed since the plan was started. The first review is due ${format.date(reviews.nextDueAt)}.`;
  return 'Nothing has changed since the last review.';
}

function Triggers({ triggers, account }: { triggers: ReviewTrigger[]; account: AccountView<'reviews'> }) {
  const names = {
    owner: (ownerId: string) => account.data.owners.find((o) => o.ownerId === ownerId)?.name ?? null,
    company: (companyId: string) => account.data.reviews.companyNames[companyId] ?? null,
    date: (at: number) => account.format.date(at),
  };
  return (
    <Flex direction="column" gap="extra-small">
      {triggers.map((t) => (
        <Flex key={`${t.kind}-${t.evidence.objectId}-${t.at}`} direction="column">
          <Text format={{ fontWeight: 'demibold' }}>{t.message}</Text>
          <Text variant="microcopy">{triggerDetail(t, names)}</Text>
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
              <Paragraphs text={r.summary} />
              <OutcomesWithoutActions review={r} />
              <ReviewActions review={r} account={account} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * What was decided as it was typed: HubSpot's Text folds line breaks into spaces, so each line is its own Text,
 * and a blank line between paragraphs leaves a wider gap than a line break within one.
 */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.split(/\r?\n/).filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return (
    <Flex direction="column" gap="small">
      {paragraphs.map((lines, p) => (
        <Flex key={p} direction="column" gap="flush">
          {lines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}

/** The outcomes ticked without an action (those with one head their actions below), or that none was recorded. */
function OutcomesWithoutActions({ review }: { review: Review }) {
  if (review.outcomes.length === 0) return <Text>No outcome recorded</Text>;
  const alone = review.outcomes.filter((o) => !review.actions.some((a) => a.outcome === o));
  return alone.length === 0 ? null : <Text>{alone.map((o) => REVIEW_OUTCOME_LABELS[o]).join(', ')}</Text>;
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
  const event = { ...account.caller, kind, note: note.trim(), ...(at === null ? {} : { at }) };
  // What the function said of a field stands while the field holds what was sent.
  const { failure, marks, sending } = useStandingRefusal(record.state, event);
  const { unsent, mark, check } = useUnsent(event, marks);
  const noteField = typedField(REVIEW_EVENT_TEXT.note, note);
  // The function refuses a day the last review already had before it: it would call for no review.
  const lastReviewedAt = account.data.reviews.history[0]?.reviewedAt ?? null;
  const beforeTheLastReview = at !== null && predatesLastReview(at, lastReviewedAt);

  const submit = async () => {
    record.reset();
    const noteProblem = writtenProblem({ text: note, field: noteField });
    const issues: FieldIssue[] = [
      ...(event.kind === null ? [{ path: 'kind', message: 'pick what happened' }] : []),
      ...(noteProblem === null ? [] : [{ path: 'note', message: noteProblem }]),
    ];
    if (!check(issues) || event.kind === null || beforeTheLastReview) return;
    const recording = { ...event, kind: event.kind };
    sending(recording);
    if ((await record.run({ ...recording, actionId: action.idFor(recording) })).ok) {
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
        {...mark('kind')}
      />
      <DateInput
        label="When"
        name="eventAt"
        description={
          lastReviewedAt === null
            ? 'Today unless you pick another day'
            : `Today unless you pick another day after the last review (${account.format.date(lastReviewedAt)}): only events since it call for a review`
        }
        value={at === null ? today : toCalendarDate(at, timeZone)}
        onChange={(picked) =>
          // Today is sent as no date, so the function stamps the moment it records the event.
          setAt(
            picked && !(picked.year === today.year && picked.month === today.month && picked.date === today.date)
              ? fromCalendarDate(picked)
              : null,
          )
        }
        {...(beforeTheLastReview ? { error: true, validationMessage: BEFORE_THE_LAST_REVIEW } : marks.at('at'))}
      />
      <TextArea
        label="What it means for the plan"
        name="eventNote"
        value={note}
        {...followTyping(setNote)}
        required
        {...noteField.props(() => mark('note'))}
      />
      <Unsent title="The event was not recorded" uid="record_review_event" unsent={unsent} sent={event} />
      {failure && <ActionFailed title="The event was not recorded" failure={failure} highlighted={marks.highlighted} />}
      <ButtonRow>
        {/* A day before the last review is said beside When as it is picked. */}
        <Button
          variant="primary"
          onClick={() => void submit()}
          disabled={beforeTheLastReview || record.state.status === 'loading'}
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

/**
 * What log_review would refuse that the form can tell before sending, by the path the function names it by:
 * a decision or an outcome's work not written or too long, an outcome with nobody to do it or no date.
 */
function unsentIssues({
  summary,
  actions,
  summaryField,
  actionFields,
}: {
  summary: string;
  actions: readonly DraftAction[];
  summaryField: HeldField;
  actionFields: readonly HeldField[];
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const written = (path: string, typed: { text: string; field: HeldField }) => {
    const problem = writtenProblem(typed);
    if (problem !== null) issues.push({ path, message: problem });
  };
  written('summary', { text: summary, field: summaryField });
  actions.forEach((a, i) => {
    written(`actions.${i}.text`, { text: a.text, field: actionFields[i]! });
    if (a.ownerId === null) issues.push({ path: `actions.${i}.ownerId`, message: 'pick who does it' });
    if (a.dueAt === null) issues.push({ path: `actions.${i}.dueAt`, message: 'pick when it is due' });
  });
  return issues;
}

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
  const summaryField = typedField(REVIEW_TEXT.summary, summary);
  const actionFields = actions.map((a) => typedField(REVIEW_TEXT.actionText, a.text));
  const review = {
    ...account.caller,
    kind,
    outcomes: [],
    actions: actions.map((a) => ({ outcome: a.outcome, text: a.text.trim(), ownerId: a.ownerId!, dueAt: a.dueAt! })),
    summary: summary.trim(),
    triggers: kind === 'triggered' ? triggered : [],
  };
  // What the function said of a field stands while the field holds what was sent.
  const { failure, marks, sending } = useStandingRefusal(log.state, review);
  const { unsent, mark, check } = useUnsent(review, marks);
  // Each outcome is a piece of work still to do: one due on a day already gone is asked about first.
  const dueInThePast = useDueInThePast(
    actions.flatMap((a, i) => (a.dueAt === null ? [] : [{ name: `Outcome ${i + 1}`, dueAt: a.dueAt }])),
    { now: account.data.readAt, timeZone },
  );

  const submit = async (pastConfirmed: boolean) => {
    // A new press: what was said of the last one no longer stands.
    log.reset();
    if (!check(unsentIssues({ summary, actions, summaryField, actionFields }))) {
      dueInThePast.dismiss();
      return;
    }
    if (!dueInThePast.mayGoOn(pastConfirmed)) return;
    sending(review);
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
      <Select
        label="Kind of review"
        name="kind"
        value={kind}
        options={kinds}
        onChange={(v) => setKind(v as Kind)}
        {...mark('kind')}
      />
      <TextArea
        label="What was decided"
        name="summary"
        value={summary}
        {...followTyping(setSummary)}
        required
        {...summaryField.props(() => mark('summary'))}
      />
      <Text>Each outcome becomes a HubSpot task for the person who does it.</Text>
      {actions.map((a, i) => (
        <Flex key={i} direction="column" gap="extra-small">
          <Select
            label="Outcome"
            name={`action-${i}-outcome`}
            value={a.outcome}
            options={optionsOf(REVIEW_OUTCOME_LABELS)}
            onChange={(v) => change(i, { outcome: v as Outcome })}
            {...mark(`actions.${i}.outcome`)}
          />
          <TextArea
            label="What is to be done"
            name={`action-${i}-text`}
            value={a.text}
            {...followTyping((text) => change(i, { text }))}
            required
            {...actionFields[i]!.props(() => mark(`actions.${i}.text`))}
          />
          <Select
            label="Who does it"
            name={`action-${i}-owner`}
            value={a.ownerId ?? NOBODY}
            options={owners}
            onChange={(v) => change(i, { ownerId: v === NOBODY ? null : String(v) })}
            required
            {...mark(`actions.${i}.ownerId`)}
          />
          <DateInput
            label="Due"
            name={`action-${i}-due`}
            value={a.dueAt === null ? undefined : toCalendarDate(a.dueAt, timeZone)}
            onChange={(picked) => change(i, { dueAt: picked ? fromCalendarDate(picked) : null })}
            required
            {...mark(`actions.${i}.dueAt`)}
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
      <DueInThePast
        asking={dueInThePast.asking}
        format={account.format}
        verb="Log the review"
        onConfirm={() => void submit(true)}
        onChange={dueInThePast.dismiss}
      />
      <Unsent title="The review was not logged" uid="log_review" unsent={unsent} sent={review} />
      {failure && <ActionFailed title="The review was not logged" failure={failure} highlighted={marks.highlighted} />}
      <ButtonRow>
        <Button variant="primary" onClick={() => void submit(false)} disabled={log.state.status === 'loading'}>
          {log.state.status === 'loading' ? 'Saving…' : 'Log the review'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </ButtonRow>
    </Flex>
  );
}
