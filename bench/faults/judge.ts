import type { CompanyState, PortalState, TaskState, Tracked } from './hubspot-state.ts';
import {
  FUNCTION_NAMES,
  isObjectiveTask,
  settingsMark,
  type FunctionName,
  type Intent,
  type IntentOf,
} from './intents.ts';
import { SAVED_BESIDE_ANOTHER } from '../../src/keystone/account/key-account-status.ts';
import type { Answer, IntentRecord } from './users.ts';

// The fault benchmark's judgements: what each user was told in a round, against what HubSpot holds
// after it (read back before and after the round). Pure; the tests seed each harm into HubSpot by hand
// and check it is counted once, where it belongs.
//
// Every answer is one of: ok; a clear error (a true refusal, or a failure after which nothing of the
// change stood or a retry saved it); a false conflict ("someone else saved / is saving" when no other
// user claimed that revision: the "someone else" was the user's own earlier attempt); an unclear error
// (told it failed, but the change stood, and no later attempt told them it was saved).
// Then, per intent or per account: duplicates (a second task, note or review record for one change),
// partial writes (a change that stands in part, or a plan's tasks left for objectives it dropped), lost
// writes (acknowledged, but not in HubSpot).
// Races: double successes (a tag and an untag both acknowledged from the same starting status) and
// overwritten changes (the status or target-account flag a user just set, changed back by someone else).

export interface Verdicts {
  tried: number;
  ok: number;
  clearErrors: number;
  falseConflicts: number;
  unclearErrors: number;
  duplicates: number;
  partialWrites: number;
  lostWrites: number;
}

/** Which harms a function can do at all; the others are not judged for it. */
export const JUDGED: Record<FunctionName, { duplicates: boolean; partialWrites: boolean }> = {
  save_account_plan: { duplicates: true, partialWrites: true },
  log_review: { duplicates: true, partialWrites: true },
  tag_key_account: { duplicates: true, partialWrites: true },
  untag_key_account: { duplicates: true, partialWrites: true },
  // One update of the contact: nothing to duplicate, nothing to leave half done.
  record_contact_stance: { duplicates: false, partialWrites: false },
  record_contact_departure: { duplicates: false, partialWrites: false },
  // One settings record, and the claim that is its history.
  save_settings: { duplicates: false, partialWrites: true },
};

export interface RoundVerdicts {
  byFunction: Record<FunctionName, Verdicts>;
  /** Accounts where a tag and an untag raced. */
  statusRaces: number;
  doubleSuccesses: number;
  /** Accounts whose status a user changed in the round. */
  statusesChanged: number;
  overwrittenChanges: number;
}

export const noVerdicts = (): Verdicts => ({
  tried: 0,
  ok: 0,
  clearErrors: 0,
  falseConflicts: 0,
  unclearErrors: 0,
  duplicates: 0,
  partialWrites: 0,
  lostWrites: 0,
});

/** A refusal saying someone else saved, or is saving, the same revision. */
const CONFLICTS: ReadonlySet<string> = new Set(['KAM.PLAN_CHANGED_ELSEWHERE', 'KAM.SETTINGS_CHANGED', 'KAM.CONFLICT']);
/**
 * "The account already has that status", and "someone else changed it (naming who and when)": true whenever
 * answered, since the status is read just before and just after writing.
 */
const STATUS_REFUSALS: ReadonlySet<string> = new Set(['KAM.STATUS_UNCHANGED', 'KAM.STATUS_CHANGED']);
const COMPLETED = 'COMPLETED';

export function judgeRound(records: readonly IntentRecord[], before: PortalState, after: PortalState): RoundVerdicts {
  const byFunction = Object.fromEntries(FUNCTION_NAMES.map((fn) => [fn, noVerdicts()])) as Record<
    FunctionName,
    Verdicts
  >;
  for (const record of records) {
    const verdicts = byFunction[record.intent.fn];
    const stood = applied(record.intent, before, after);
    const traced = stood || leftATrace(record.intent, before, after);
    record.answers.forEach((answer, index) => {
      verdicts.tried++;
      if (answer.status === 'ok') verdicts.ok++;
      else verdicts[errorVerdict(record, index, traced, before, after)]++;
    });
    if (!stood && record.answers.some((a) => a.status === 'ok')) verdicts.lostWrites++;
    verdicts.duplicates += intentDuplicates(record.intent, before, after);
    verdicts.partialWrites += intentPartialWrites(record.intent, stood, before, after);
  }

  const intents = records.map((r) => r.intent);
  for (const companyId of new Set(intents.flatMap((i) => ('companyId' in i ? [i.companyId] : [])))) {
    const was = before.companies[companyId];
    const is = after.companies[companyId];
    if (!was || !is) continue;
    const here = intents.filter((i) => 'companyId' in i && i.companyId === companyId);
    const plans = here.filter((i): i is IntentOf<'save_account_plan'> => i.fn === 'save_account_plan');
    const reviewed = here.some((i) => i.fn === 'log_review');
    if (plans.length > 0 || reviewed) {
      const tasks = taskDuplicates(was, is, reviewed);
      byFunction.save_account_plan.duplicates += tasks.plan;
      byFunction.log_review.duplicates += tasks.review;
    }
    if (plans.length > 0)
      byFunction.save_account_plan.partialWrites += planPartialWrites(plans, was, is) + orphanedObjectiveTasks(was, is);
    if (reviewed) byFunction.log_review.partialWrites += reviewDatePartialWrites(was, is);
  }
  if (intents.some((i) => i.fn === 'save_settings'))
    byFunction.save_settings.partialWrites += settingsPartialWrites(before, after);

  return { byFunction, ...statusRaces(records, before, after) };
}

// ─── Did the change stand? ───────────────────────────────────────────────────────────────────────

/** The values a property was written with during the round, newest first. */
const writtenDuring = (before: Tracked | undefined, after: Tracked): string[] =>
  after.history.slice(0, after.history.length - (before?.history.length ?? 0));

const isNew = <T extends { id: string }>(before: readonly T[] | undefined, record: T) =>
  !before?.some((b) => b.id === record.id);
const newOnes = <T extends { id: string }>(before: readonly T[] | undefined, after: readonly T[]) =>
  after.filter((r) => isNew(before, r));

/** Whether HubSpot holds (or held during the round, before another user changed it) what the intent wrote. */
function applied(intent: Intent, before: PortalState, after: PortalState): boolean {
  switch (intent.fn) {
    case 'tag_key_account':
    case 'untag_key_account': {
      const reasons = writtenDuring(
        before.companies[intent.companyId]?.properties.statusReason,
        after.companies[intent.companyId]!.properties.statusReason,
      );
      return reasons.some((reason) => reason.includes(intent.mark));
    }
    case 'save_account_plan': {
      const plan = after.companies[intent.companyId]?.plan;
      return (
        !!plan &&
        writtenDuring(before.companies[intent.companyId]?.plan?.businessObjective, plan.businessObjective).includes(
          intent.businessObjective,
        )
      );
    }
    case 'log_review':
      return newOnes(before.companies[intent.companyId]?.reviews, after.companies[intent.companyId]!.reviews).some(
        (r) => r.summary === intent.summary,
      );
    case 'record_contact_stance':
      return writtenDuring(
        before.contacts[intent.contactId]?.topics,
        after.contacts[intent.contactId]!.topics,
      ).includes(intent.topics);
    case 'record_contact_departure':
      return writtenDuring(before.contacts[intent.contactId]?.leftAt, after.contacts[intent.contactId]!.leftAt).some(
        (at) => Date.parse(at) === intent.leftAt,
      );
    case 'save_settings':
      return writtenDuring(before.settings.json, after.settings.json).some(
        (json) => settingsMark(json) === intent.mark,
      );
  }
}

/**
 * Whether any part of what the intent wrote is in HubSpot: its audit note; for a review, its note or the
 * next-review date moved with no review record to show for it.
 */
function leftATrace(intent: Intent, before: PortalState, after: PortalState): boolean {
  if (intent.fn !== 'tag_key_account' && intent.fn !== 'untag_key_account' && intent.fn !== 'log_review') return false;
  const was = before.companies[intent.companyId];
  const is = after.companies[intent.companyId]!;
  if (newOnes(was?.notes, is.notes).some((n) => n.body.includes(intent.mark))) return true;
  return (
    intent.fn === 'log_review' &&
    was !== undefined &&
    reviewDatePartialWrites(was, is) > 0 &&
    newOnes(was.reviews, is.reviews).length === 0
  );
}

// ─── What was the user told? ─────────────────────────────────────────────────────────────────────

function errorVerdict(
  record: IntentRecord,
  index: number,
  traced: boolean,
  before: PortalState,
  after: PortalState,
): 'clearErrors' | 'falseConflicts' | 'unclearErrors' {
  const answer = record.answers[index] as Extract<Answer, { status: 'error' }>;
  if (
    CONFLICTS.has(answer.code) &&
    (record.intent.fn === 'save_account_plan' || record.intent.fn === 'save_settings')
  ) {
    return othersClaimed(record.intent, before, after) ? 'clearErrors' : 'falseConflicts';
  }
  if (STATUS_REFUSALS.has(answer.code)) return 'clearErrors';
  const savedLater = record.answers.slice(index + 1).some((a) => a.status === 'ok' || toldSaved(a));
  return traced && !savedLater ? 'unclearErrors' : 'clearErrors';
}

/**
 * A status change saved at the same moment as another's is answered KAM.STATUS_CHANGED, in words saying it
 * was saved (the user is to reload and see which change stands): the user was told their change stood.
 */
const toldSaved = (answer: Answer) =>
  answer.status === 'error' && answer.code === 'KAM.STATUS_CHANGED' && answer.message.startsWith(SAVED_BESIDE_ANOTHER);

/**
 * Whether another user claimed the revision this save was refused over (the one after the revision it
 * started from), in this round: a save that moved the revision on claimed it first, and so did a save
 * still in progress or stopped part-way. Withdrawn claims count: they were there when the refusal came.
 */
function othersClaimed(
  intent: IntentOf<'save_account_plan' | 'save_settings'>,
  before: PortalState,
  after: PortalState,
): boolean {
  const [claimsBefore, claims, revision] =
    intent.fn === 'save_account_plan'
      ? [
          before.companies[intent.companyId]?.plan?.claims,
          after.companies[intent.companyId]?.plan?.claims ?? [],
          intent.baseRevision + 1,
        ]
      : [before.settings.claims, after.settings.claims, intent.expectedRevision + 1];
  return newOnes(claimsBefore, claims).some((c) => c.revision === revision && c.savedBy !== String(intent.userId));
}

// ─── Duplicates ──────────────────────────────────────────────────────────────────────────────────

/** Notes (and for reviews, review records) beyond the one a change should leave. */
function intentDuplicates(intent: Intent, before: PortalState, after: PortalState): number {
  if (intent.fn !== 'tag_key_account' && intent.fn !== 'untag_key_account' && intent.fn !== 'log_review') return 0;
  const was = before.companies[intent.companyId];
  const is = after.companies[intent.companyId]!;
  const extra = (n: number) => Math.max(0, n - 1);
  const notes = extra(newOnes(was?.notes, is.notes).filter((n) => n.body.includes(intent.mark)).length);
  if (intent.fn !== 'log_review') return notes;
  return notes + extra(newOnes(was?.reviews, is.reviews).filter((r) => r.summary === intent.summary).length);
}

/**
 * Open tasks saying the same as another open one: the extras beyond one that appeared during the round.
 * A review-due task a plan save reopened (the only step that reopens one) is that save's doing; any
 * other extra review-due task is put down to the review when one was logged, since logging a review is
 * what creates the next review-due task (a plan save creates one only when it remembers none).
 */
function taskDuplicates(
  before: CompanyState,
  after: CompanyState,
  reviewed: boolean,
): { plan: number; review: number } {
  const counts = { plan: 0, review: 0 };
  const extras = (tasks: readonly TaskState[], subject: string) =>
    Math.max(0, tasks.filter((t) => t.status !== COMPLETED && t.subject === subject).length - 1);
  for (const subject of new Set(after.tasks.map((t) => t.subject))) {
    const appeared = extras(after.tasks, subject) - extras(before.tasks, subject);
    if (appeared <= 0) continue;
    const reopenedByPlan = after.tasks.some((t) => t.subject === subject && t.status !== COMPLETED && reopened(t));
    if (isObjectiveTask(subject) || reopenedByPlan || !reviewed) counts.plan += appeared;
    else counts.review += appeared;
  }
  return counts;
}

const reopened = (task: TaskState) =>
  task.statusHistory.some((status, i) => status !== COMPLETED && task.statusHistory[i + 1] === COMPLETED);

// ─── Partial writes ──────────────────────────────────────────────────────────────────────────────

/** A status change without its audit note or a note without its change; a review record without its note or a note without its review. */
function intentPartialWrites(intent: Intent, stood: boolean, before: PortalState, after: PortalState): number {
  if (intent.fn !== 'tag_key_account' && intent.fn !== 'untag_key_account' && intent.fn !== 'log_review') return 0;
  const noted = newOnes(before.companies[intent.companyId]?.notes, after.companies[intent.companyId]!.notes).some((n) =>
    n.body.includes(intent.mark),
  );
  return stood === noted ? 0 : 1;
}

/** The plan in force does not match what was sent: objectives added, lost or different, or a save nobody sent. */
function planPartialWrites(
  plans: readonly IntentOf<'save_account_plan'>[],
  before: CompanyState,
  after: CompanyState,
): number {
  const plan = after.plan;
  if (plan === null || plan.revision === (before.plan?.revision ?? 0)) return 0;
  const committed = plans.find((p) => p.businessObjective === plan.businessObjective.value);
  if (committed === undefined) return 1;
  const rows = plan.objectives
    .filter((r) => r.planRevision === plan.revision)
    .sort((a, b) => a.displayOrder - b.displayOrder);
  const same =
    rows.length === committed.objectives.length &&
    rows.every((row, i) => {
      const sent = committed.objectives[i]!;
      return (
        row.title === sent.title &&
        row.measure === sent.measure &&
        row.ownerId === sent.ownerId &&
        row.dueAt === sent.dueAt &&
        row.status === sent.status
      );
    });
  return same ? 0 : 1;
}

/** Open tasks for objectives the plan no longer has (dropped by a save, left in their owners' queues), more than at the round's start. */
function orphanedObjectiveTasks(before: CompanyState, after: CompanyState): number {
  const orphans = (company: CompanyState) => {
    const inForce = new Set(
      company.plan?.objectives.filter((r) => r.planRevision === company.plan?.revision).map((r) => r.title),
    );
    return company.tasks.filter((t) => t.status !== COMPLETED && isObjectiveTask(t.subject) && !inForce.has(t.subject))
      .length;
  };
  return Math.max(0, orphans(after) - orphans(before));
}

/**
 * The next-review date moved without a review record, or a review logged without moving it. A plan save
 * on an account with no next-review date (one that left key status and came back) schedules the first
 * review itself: a date moved from none beside a plan save and no review is that save's, not a review's.
 */
function reviewDatePartialWrites(before: CompanyState, after: CompanyState): number {
  const moved = writtenDuring(before.properties.nextReviewDue, after.properties.nextReviewDue).length > 0;
  const logged = newOnes(before.reviews, after.reviews).length > 0;
  const planSaved = (after.plan?.revision ?? 0) !== (before.plan?.revision ?? 0);
  if (moved && !logged && planSaved && !before.properties.nextReviewDue.value) return 0;
  return moved === logged ? 0 : 1;
}

/** The settings in force are not those their revision's claim (the save's history record) holds. */
function settingsPartialWrites(before: PortalState, after: PortalState): number {
  const { settings } = after;
  if (settings.revision === before.settings.revision) return 0;
  const claim = settings.claims.find((c) => !c.archived && c.revision === settings.revision);
  return claim !== undefined && settingsMark(claim.settingsJson) === settingsMark(settings.json.value) ? 0 : 1;
}

// ─── Races ───────────────────────────────────────────────────────────────────────────────────────

function statusRaces(
  records: readonly IntentRecord[],
  before: PortalState,
  after: PortalState,
): Omit<RoundVerdicts, 'byFunction'> {
  const races = { statusRaces: 0, doubleSuccesses: 0, statusesChanged: 0, overwrittenChanges: 0 };
  const changes = records.filter(
    (r): r is IntentRecord & { intent: IntentOf<'tag_key_account' | 'untag_key_account'> } =>
      r.intent.fn === 'tag_key_account' || r.intent.fn === 'untag_key_account',
  );
  for (const companyId of new Set(changes.map((r) => r.intent.companyId))) {
    const here = changes.filter((r) => r.intent.companyId === companyId);
    if (here.length > 1) races.statusRaces++;
    const startingStatuses = here.flatMap((r) => [
      ...new Set(r.answers.flatMap((a) => (a.status === 'ok' ? [a.previousStatus] : []))),
    ]);
    races.doubleSuccesses += startingStatuses.length - new Set(startingStatuses).size;
    if (!here.some((r) => applied(r.intent, before, after))) continue;
    races.statusesChanged++;
    if (overwritten(before.companies[companyId], after.companies[companyId]!)) races.overwrittenChanges++;
  }
  return races;
}

/**
 * Whether a status a user set was changed behind them: the target-account flag disagrees with the status,
 * or the status was written more often than its reason. Every status change writes all three (the
 * benchmark's settings keep the flag in sync), so either is someone else's write over the user's.
 */
function overwritten(before: CompanyState | undefined, after: CompanyState): boolean {
  const { status, statusReason, targetAccount } = after.properties;
  if ((status.value === 'key') !== (targetAccount.value === 'true')) return true;
  return (
    writtenDuring(before?.properties.status, status).length >
    writtenDuring(before?.properties.statusReason, statusReason).length
  );
}
