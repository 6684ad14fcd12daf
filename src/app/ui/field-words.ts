import { planFieldInWords } from '../../contracts/plan-input.ts';
import type { PlanInput } from '../../contracts/save-account-plan.ts';
import type { FunctionParameters, FunctionUid } from '../../contracts/registry.ts';
import { SELECTION_CRITERION_LABELS } from '../../kam/shared/selection-criteria.ts';
import { TIER_LABELS } from './labels.ts';

// Each function's parameters named as its form labels them, so a refusal names "What was decided", never
// `summary`. One record per function and one entry per parameter: a function or parameter added without
// its words does not compile. Parameters the card fills itself (who is calling, which record) are named
// for what they are; the user cannot fix them, but can tell someone what was refused.

/** How a parameter is named: its words, or words for what lies inside it (`actions.2.text`, given `['2', 'text']`). */
type Namer = (inside: readonly string[], sent: Record<string, unknown>) => string;
type Words = string | Namer;
type FieldWords = { [Uid in FunctionUid]: { [Key in keyof FunctionParameters<Uid> & string]: Words } };

const CALLER = { userId: 'Your HubSpot user' } as const;
const ACCOUNT = { ...CALLER, companyId: 'This company' } as const;
const CONTACT = { ...ACCOUNT, contactId: 'This contact' } as const;
const ACTION_ID = 'This press of the button';
const BASE_REVISION = 'The version you started from';
const PORTAL_ID = 'This HubSpot portal';

/** The nth item of a list the form numbers from 1, and the words of its field: "Outcome 2, who does it". */
// A field whose words are null is the item itself, as its form labels it ("Competitor" is the competitor's name).
const numbered =
  (item: string, fields: Record<string, string | null>, whole = `${item}s`): Namer =>
  ([index, field]) => {
    if (index === undefined || !/^\d+$/.test(index)) return whole;
    const named = `${item} ${Number(index) + 1}`;
    const words = field === undefined ? null : fields[field] === undefined ? field : fields[field];
    return words === null ? named : `${named}, ${words}`;
  };

const STATUS_CHANGE = {
  ...ACCOUNT,
  status: 'New status',
  expectedStatus: 'The status the card showed',
  reason: 'Reason',
  portalId: PORTAL_ID,
} as const;

// The settings page's labels for the settings it edits; the longest path that starts a refused one names it.
const SETTINGS_WORDS: Record<string, string> = {
  'selection.weights': 'Selection criteria',
  ...Object.fromEntries(
    Object.entries(SELECTION_CRITERION_LABELS).map(([criterion, label]) => [`selection.weights.${criterion}`, label]),
  ),
  'selection.thresholds.candidate': 'Candidate from score',
  'selection.thresholds.key': 'Key account from score',
  ...Object.fromEntries(
    Object.entries(TIER_LABELS).map(([tier, label]) => [`selection.icpTierCutoffs.${tier}`, `${label} from score`]),
  ),
  'reviews.defaultCadence': 'Default review cadence',
  'reviews.overdueAfterDays': 'Overdue after (days)',
  'coverage.staleAfterDays': 'Contacts go stale after (days)',
  fiscalYearStartMonth: 'Fiscal year starts in',
  'access.managerTeamIds': 'Manager teams',
  'access.managerUserIds': 'Managers',
  'access.adminUserIds': 'Admins',
  'hubspotSync.syncTargetAccountFlag': "Keep HubSpot's Target account flag equal to key account status",
  'hubspotSync.writeIcpTier': "Write the ICP tier to HubSpot's Ideal customer profile field",
};

const settingInWords: Words = (inside) => {
  for (let length = inside.length; length > 0; length--) {
    const words = SETTINGS_WORDS[inside.slice(0, length).join('.')];
    if (words !== undefined) return words;
  }
  return 'Settings';
};

/** The plan as sent, enough of it to name its rows by their labels; an unreadable one names them by number. */
const planInWords: Words = (inside, sent) => {
  const plan = sent.plan as Partial<PlanInput> | undefined;
  const rows = Array.isArray(plan?.quarterlyTargets?.rows) ? plan.quarterlyTargets.rows : [];
  const named = rows.map((row) => ({ ...row, label: typeof row?.label === 'string' ? row.label : '' }));
  return planFieldInWords(['plan', ...inside].join('.'), {
    objectives: [],
    quarterlyTargets: { fiscalYear: 0, rows: named },
  });
};

const FIELD_WORDS: FieldWords = {
  card_data: { ...ACCOUNT, portalId: PORTAL_ID },
  card_section: { ...ACCOUNT, portalId: PORTAL_ID, section: 'The section of the tab', session: "The tab's session" },
  tag_key_account: STATUS_CHANGE,
  untag_key_account: STATUS_CHANGE,
  save_account_plan: { ...ACCOUNT, baseRevision: BASE_REVISION, plan: planInWords, actionId: ACTION_ID },
  record_contact_stance: {
    ...CONTACT,
    stance: 'Stance',
    decisionPower: 'Decision power',
    decisionTopics: numbered('Topic', {}, 'Decides on'),
    keyContact: 'Key contact',
    actionId: ACTION_ID,
  },
  record_contact_departure: {
    ...CONTACT,
    left: 'Whether they left',
    reason: 'Why they left',
    leftAt: 'Left on',
    replacedByContactId: 'Replaced by',
    actionId: ACTION_ID,
  },
  log_review: {
    ...ACCOUNT,
    kind: 'Kind of review',
    reviewedAt: 'Date of the review',
    outcomes: 'Outcomes',
    actions: numbered('Outcome', {
      outcome: 'outcome',
      text: 'what is to be done',
      ownerId: 'who does it',
      dueAt: 'due date',
    }),
    summary: 'What was decided',
    triggers: 'Changes that call for a review',
    contactIds: numbered('Contact', {}, 'Contacts the review was about'),
    actionId: ACTION_ID,
  },
  record_review_event: {
    ...ACCOUNT,
    kind: 'What happened',
    at: 'When',
    note: 'What it means for the plan',
    actionId: ACTION_ID,
  },
  save_competition: {
    ...ACCOUNT,
    baseRevision: BASE_REVISION,
    competition: ([list, ...rest], sent) => {
      if (list === 'strengths') return numbered('Strength', {}, 'Our strengths')(rest, sent);
      if (list === 'weaknesses') return numbered('Weakness', {}, 'Our weaknesses')(rest, sent);
      const fields = { name: null, services: 'used for', relationshipStrength: 'their relationships' };
      return list === 'competitors' ? numbered('Competitor', fields)(rest, sent) : 'Competition';
    },
    actionId: ACTION_ID,
  },
  client_satisfaction: ACCOUNT,
  get_settings: CALLER,
  save_settings: {
    ...CALLER,
    settings: settingInWords,
    expectedRevision: BASE_REVISION,
    actionId: ACTION_ID,
    confirmRemovingLastOtherAdmin: 'Removing every other admin',
  },
  run_setup: CALLER,
  recalculate_portfolio: {
    ...CALLER,
    cursor: 'Where the recalculation had got to',
    timeBudgetMs: 'How long each step of the recalculation may take',
  },
  portfolio_facts: CALLER,
  portfolio_overview: { ...CALLER, quarter: 'Quarter' },
};

/**
 * A parameter's path (`actions.0.text`) as the user knows the field: "Outcome 1, what is to be done".
 * Null for the parameters as a whole (an empty path): the message then speaks for itself.
 */
export function fieldInWords(uid: string, path: string, sent: object): string | null {
  if (path === '') return null;
  const [key = '', ...inside] = path.split('.');
  const functionWords: Partial<Record<string, Words>> | undefined = Object.hasOwn(FIELD_WORDS, uid)
    ? FIELD_WORDS[uid as FunctionUid]
    : undefined;
  const words = functionWords && Object.hasOwn(functionWords, key) ? functionWords[key] : undefined;
  if (words === undefined) return 'Something the form sent';
  return typeof words === 'string' ? words : words(inside, sent as Record<string, unknown>);
}
