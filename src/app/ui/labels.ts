import type {
  KamTeam,
  KeyContact,
  Objective,
  ReviewsSection,
  ReviewTrigger,
  TargetRow,
} from '../../contracts/card-data.ts';
import type { BuyingRole, IcpTier, Stance } from '../../kam/shared/index.ts';
import type { SurveyKind } from '../../kam/satisfaction/index.ts';
// Free of imports itself, so the card folders can bundle it.
import { splitList } from '../../kam/shared/list-value.ts';
import { STANCE_LABELS } from '../../kam/shared/labels.ts';
import { OBJECTIVE_STATUS_LABELS } from '../../kam/objectives/labels.ts';

// The words the screens use for domain values. Exhaustive records: a new value fails to compile
// until it has a label. Those HubSpot's property options share are the domain's, kept in one place.
export {
  DECISION_POWER_LABELS,
  DEPARTURE_REASON_LABELS,
  REVIEW_CADENCE_LABELS,
  STANCE_LABELS,
  STATUS_LABELS,
} from '../../kam/shared/labels.ts';
export { OBJECTIVE_STATUS_LABELS } from '../../kam/objectives/labels.ts';
export { REVIEW_KIND_LABELS, REVIEW_OUTCOME_LABELS } from '../../kam/reviews/labels.ts';

export const SURVEY_LABELS: Record<SurveyKind, string> = {
  NPS: 'Net Promoter Score',
  CSAT: 'Customer satisfaction',
  CES: 'Customer effort',
};

export const BUYING_ROLE_LABELS: Record<BuyingRole, string> = {
  BLOCKER: 'Blocker',
  BUDGET_HOLDER: 'Budget holder',
  CHAMPION: 'Champion',
  DECISION_MAKER: 'Decision maker',
  END_USER: 'End user',
  EXECUTIVE_SPONSOR: 'Executive sponsor',
  INFLUENCER: 'Influencer',
  LEGAL_AND_COMPLIANCE: 'Legal and compliance',
  OTHER: 'Other',
};

export const WATCH_REASON_LABELS: Record<KeyContact['watchedBecause'][number], string> = {
  key_contact_label: 'labelled key contact',
  buying_role: 'has a buying role',
  // "No say" is recorded as a decision power too, but is no reason to watch anyone.
  decision_power: 'has a say in decisions',
  stance: 'has a stance',
};

/** The events HubSpot cannot see that a manager records as reasons to review (the reviews domain's words). */
export { RECORDED_EVENT_WORDS as RECORDED_EVENT_LABELS } from '../../kam/reviews/recorded-event-words.ts';

export const REVIEW_STATUS_LABELS: Record<ReviewsSection['status'], string> = {
  not_scheduled: 'Not scheduled',
  upcoming: 'Upcoming',
  due: 'Due',
  overdue: 'Overdue',
};

/**
 * Beside the calendar's status when changes since the last review call for one: a review can be called for
 * while the calendar's is still upcoming, and the one does not replace the other.
 */
export const REVIEW_CALLED_FOR_LABEL = 'Review called for';

export const METRIC_UNIT_LABELS: Record<TargetRow['unit'], string> = {
  count: 'Count',
  currency: 'Money',
  percent: 'Percent',
  scale: 'Qualitative scale',
};

/** Options for a Select, in the order of the label record. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const TIER_LABELS: Record<IcpTier, string> = { tier_1: 'Tier 1', tier_2: 'Tier 2', tier_3: 'Tier 3' };

export const KAM_TEAM_ROLE_LABELS: Record<keyof KamTeam, string> = {
  relationshipPartner: 'Relationship partner',
  accountManager: 'Account manager',
  researcher: 'Researcher',
};

export const QUARTER_STATUS_LABELS: Record<TargetRow['status']['Q1'], string> = {
  not_yet_due: 'not yet due',
  on_track: 'on track',
  met: 'met',
  behind: 'behind',
  no_actual: 'no actual yet',
  no_target: 'no target',
};

/** The properties review triggers watch (the reviews domain's words), as people name them. */
const WATCHED_PROPERTY_LABELS: Record<string, string> = {
  stance: 'Stance',
  title: 'Job title',
  owner: 'Company owner',
  team: 'Owner team',
  parentCompany: 'Parent company',
  status: 'Objective',
  buyingRoles: 'Buying roles',
  strategy: 'Client strategy',
};

/** A long text cut to its first 60 characters, for a one-line note. */
const shortened = (text: string): string => (text.length <= 60 ? `“${text}”` : `“${text.slice(0, 59).trimEnd()}…”`);

/**
 * A trigger's recorded change in words, e.g. "Stance: not recorded → Enemy"; `names` gives the owners and
 * companies it knows by name, and the day an instant falls on; `at` is when the trigger is dated.
 */
export function evidenceInWords(
  { evidence, at }: Pick<ReviewTrigger, 'evidence' | 'at'>,
  names: {
    owner: (ownerId: string) => string | null;
    company: (companyId: string) => string | null;
    date: (at: number) => string;
  },
): string {
  const value = (v: string | null): string => {
    switch (evidence.property) {
      case 'stance':
        return v === null ? 'not recorded' : (STANCE_LABELS[v as Stance] ?? v);
      case 'owner':
        return v === null ? 'nobody' : (names.owner(v) ?? `owner ${v}`);
      case 'team':
        return v === null ? 'no team' : `team ${v}`;
      case 'parentCompany':
        return v === null ? 'none' : (names.company(v) ?? `company ${v}`);
      case 'status':
        return v === null ? 'none' : (OBJECTIVE_STATUS_LABELS[v as Objective['status']] ?? v);
      case 'strategy':
        return v === null ? 'none' : shortened(v);
      case 'buyingRoles':
        return (
          splitList(v)
            .map((role) => BUYING_ROLE_LABELS[role as BuyingRole] ?? role)
            .join(', ') || 'none'
        );
      default:
        return v === null || v === '' ? 'none' : v;
    }
  };
  // The manager's note is the trigger's own sentence already: the line under it says only who said so.
  if (evidence.property === 'recordedEvent') return `Recorded by ${evidence.recordedBy?.name ?? 'a manager'}`;
  const label = WATCHED_PROPERTY_LABELS[evidence.property] ?? evidence.property;
  // An objective's row is written anew with each plan revision, so a status without a "before" is simply its status.
  if (evidence.property === 'status' && evidence.from === null) return `${label}: ${value(evidence.to)}`;
  // The trigger's own sentence says why the contact left (retired, moved to another role, left the client)
  // and its date is the day they left: the line under it says when that was recorded, if on another day.
  if (evidence.property === 'leftCompany') {
    if (evidence.to !== 'true') return 'Recorded as back at the client';
    const recorded = evidence.recordedAt === undefined ? null : names.date(evidence.recordedAt);
    return recorded === null || recorded === names.date(at) ? 'Departure recorded' : `Departure recorded ${recorded}`;
  }
  return `${label}: ${value(evidence.from)} → ${value(evidence.to)}`;
}

/**
 * Triggers whose sentence already names the change in full ("Dan Middleton went from Supporter to Neutral",
 * a title from one to the other, the company owner from one person to another): the line under them gives
 * only the date, rather than the same change again.
 */
const CHANGE_IN_THE_SENTENCE: ReadonlySet<ReviewTrigger['kind']> = new Set([
  'stance_worsened',
  'stance_improved',
  'key_contact_title_changed',
  'our_owner_changed',
  // "Objective achieved: Win the tender" says all that "Objective: Achieved" would.
  'objective_achieved',
]);

/** The line under a trigger's sentence: its date, and the recorded change where the sentence does not name it. */
export function triggerDetail(trigger: ReviewTrigger, names: Parameters<typeof evidenceInWords>[1]): string {
  const day = names.date(trigger.at);
  return CHANGE_IN_THE_SENTENCE.has(trigger.kind) ? day : `${day} · ${evidenceInWords(trigger, names)}`;
}

/** Month names in English, like the rest of the screens' words; January is the first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
