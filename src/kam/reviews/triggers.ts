import { z } from 'zod';
import {
  BUYER_ROLES,
  STANCES,
  instantSchema,
  isHostile,
  splitList,
  validate,
  type Stance,
  type Validated,
} from '../shared/index.ts';
import { WATCHED_PROPERTIES, changeEventSchema, type ChangeEvent } from './change-events.ts';
import { RECORDED_EVENT_KINDS } from './recorded-events.ts';

/** The reasons to review a plan outside the calendar, on the client's side or ours: those the CRM can see, then those a manager records. */
export const REVIEW_TRIGGER_KINDS = [
  'key_contact_left',
  'key_contact_title_changed',
  'new_buyer',
  'stance_worsened',
  'stance_improved',
  'new_parent_company',
  'company_merged',
  'client_strategy_changed',
  'competition_changed',
  'our_owner_changed',
  'our_team_changed',
  'objective_achieved',
  ...RECORDED_EVENT_KINDS,
] as const;
type ReviewTriggerKind = (typeof REVIEW_TRIGGER_KINDS)[number];

/** A reason to review, with the change that is its evidence. Logged reviews store these as they are. */
export const reviewTriggerSchema = z.object({
  kind: z.enum(REVIEW_TRIGGER_KINDS),
  at: instantSchema,
  evidence: z.object({
    recordKind: z.enum(Object.keys(WATCHED_PROPERTIES) as Array<keyof typeof WATCHED_PROPERTIES>),
    recordId: z.string().min(1),
    property: z.string().min(1),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
});
export type ReviewTrigger = z.infer<typeof reviewTriggerSchema> & {
  /** Happened after the last review (or, never reviewed, after the plan started): still to be reviewed. */
  open: boolean;
};

const reviewTriggersInputSchema = z.object({
  events: z.array(changeEventSchema),
  /** Current and departed contacts the programme watches (coverage's `watchReasons`): only their departures and new titles count. */
  keyContactIds: z.array(z.string().min(1)),
  lastReviewedAt: instantSchema.nullable(),
  planStartedAt: instantSchema,
});
type ReviewTriggersInput = z.input<typeof reviewTriggersInputSchema>;

/**
 * The review triggers among the changes, newest first. Stance changes count for every contact,
 * as only contacts that matter get a stance; departures and title changes only for the contacts the
 * programme watches (`keyContactIds`), a departure once however often it was undone and recorded again.
 */
export function reviewTriggers(input: ReviewTriggersInput): Validated<ReviewTrigger[]> {
  const parsed = validate(reviewTriggersInputSchema, input);
  if (!parsed.success) return parsed;
  const { events, lastReviewedAt, planStartedAt } = parsed.data;
  const keyContacts = new Set(parsed.data.keyContactIds);
  const openAfter = lastReviewedAt ?? planStartedAt;
  const departures = standingDepartures(events);
  const triggers = events.flatMap((event): ReviewTrigger[] => {
    const kind = triggerKind(event, keyContacts);
    if (kind === null) return [];
    if (kind === 'key_contact_left' && departures.get(event.recordId) !== event) return [];
    const { kind: recordKind, recordId, property, from, to, at } = event;
    return [{ kind, at, open: at > openAfter, evidence: { recordKind, recordId, property, from, to } }];
  });
  return { success: true, data: triggers.sort((a, b) => b.at - a.at) };
}

/**
 * One departure per contact, however often a mistaken one was undone and recorded again: the first time
 * the contact was marked as left (so a review that answered it is not asked again), and none while the
 * departure stands undone.
 */
function standingDepartures(events: readonly ChangeEvent[]): Map<string, ChangeEvent> {
  const byContact = new Map<string, ChangeEvent[]>();
  for (const e of events)
    if (e.kind === 'contact' && e.property === 'leftCompany')
      byContact.set(e.recordId, [...(byContact.get(e.recordId) ?? []), e]);
  const standing = new Map<string, ChangeEvent>();
  for (const [contactId, changes] of byContact) {
    const oldestFirst = [...changes].sort((a, b) => a.at - b.at);
    const first = oldestFirst.find((e) => e.to === 'true' && e.from !== 'true');
    if (oldestFirst.at(-1)?.to === 'true' && first !== undefined) standing.set(contactId, first);
  }
  return standing;
}

function triggerKind(event: ChangeEvent, keyContacts: ReadonlySet<string>): ReviewTriggerKind | null {
  const { from, to } = event;
  const changed = from !== to;
  switch (`${event.kind}.${event.property}`) {
    case 'contact.leftCompany':
      return to === 'true' && from !== 'true' && keyContacts.has(event.recordId) ? 'key_contact_left' : null;
    case 'contact.title':
      // A first title is not a change of role; a cleared one says nothing new either.
      return from !== null && to !== null && changed && keyContacts.has(event.recordId)
        ? 'key_contact_title_changed'
        : null;
    case 'contact.buyingRoles':
      return newBuyerRoles(from, to).length > 0 ? 'new_buyer' : null;
    case 'contact.stance':
      // changeEventSchema has checked that stance values are stances.
      return stanceTrigger(from as Stance | null, to as Stance | null);
    case 'company.parentCompany':
      return to !== null && changed ? 'new_parent_company' : null;
    case 'company.mergedCompanies':
      return to !== null && changed ? 'company_merged' : null;
    case 'company.strategy':
      // Recording the strategy for the first time, or clearing it, says nothing about the client.
      return from !== null && to !== null && changed ? 'client_strategy_changed' : null;
    case 'company.competition':
      // Competitors, strengths and weaknesses recorded for the first time are the plan's starting point, not a change.
      return from !== null && to !== null && changed ? 'competition_changed' : null;
    case 'company.owner':
      return from !== null && changed ? 'our_owner_changed' : null;
    case 'company.team':
      return from !== null && changed ? 'our_team_changed' : null;
    case 'objective.status':
      return to === 'achieved' && from !== 'achieved' ? 'objective_achieved' : null;
    default:
      return null;
  }
}

/** The buying roles (decision maker, budget holder, executive sponsor) a contact took on in a change of its semicolon-separated roles. */
export function newBuyerRoles(from: string | null, to: string | null): string[] {
  const before = new Set(splitList(from));
  return [...new Set(splitList(to))].filter(
    (role) => (BUYER_ROLES as readonly string[]).includes(role) && !before.has(role),
  );
}

/** Worse: lower on the ally…enemy scale, or a contact first assessed as a protester or enemy. */
function stanceTrigger(from: Stance | null, to: Stance | null): ReviewTriggerKind | null {
  if (to === null) return null;
  if (from === null) return isHostile(to) ? 'stance_worsened' : null;
  const rise = STANCES.indexOf(from) - STANCES.indexOf(to);
  return rise < 0 ? 'stance_worsened' : rise > 0 ? 'stance_improved' : null;
}
