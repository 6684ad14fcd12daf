import type { CompanyState, SettingsState } from './hubspot-state.ts';

// What a user sets out to do in the fault benchmark, built from the state they loaded, as the card or
// the settings page would send it: one intent may take several attempts (the user tries again when
// told to). Each intent writes a mark of its own into what it saves (the reason, the summary, the plan's
// objective, the topics, the date someone left, a settings figure), so what HubSpot holds afterwards can
// be traced back to the intent that wrote it.

export const FUNCTION_NAMES = [
  'save_account_plan',
  'log_review',
  'tag_key_account',
  'untag_key_account',
  'record_contact_stance',
  'record_contact_departure',
  'save_settings',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** An objective as the plan editor sends it, and as its row should read back. */
export interface SentObjective {
  title: string;
  measure: string;
  ownerId: string;
  dueAt: number;
  status: 'open';
}

interface Common {
  id: number;
  userId: number;
  parameters: Record<string, unknown>;
}

export type Intent = Common &
  (
    | { fn: 'tag_key_account' | 'untag_key_account'; companyId: string; mark: string }
    | {
        fn: 'save_account_plan';
        companyId: string;
        baseRevision: number;
        businessObjective: string;
        objectives: SentObjective[];
      }
    | { fn: 'log_review'; companyId: string; mark: string; summary: string }
    | { fn: 'record_contact_stance'; companyId: string; contactId: string; topics: string }
    | { fn: 'record_contact_departure'; companyId: string; contactId: string; leftAt: number }
    | { fn: 'save_settings'; expectedRevision: number; mark: number }
  );
export type IntentOf<F extends FunctionName> = Extract<Intent, { fn: F }>;

/** Delimited, so the mark of intent 1 is not found inside that of intent 17. */
const markOf = (id: number) => `[m${id}]`;
/** The id the card makes for one press of a write's button, sent again with each retry of it. */
const actionIdOf = (id: number) => `bench-intent-${id}`;
const DAY = 86_400_000;

/**
 * A change the programme allows from the status the card shows (the card offers no other): tag to key
 * (candidate when it already is key), untag a key account to former and a candidate or former one to none.
 */
export function statusChange(
  fn: 'tag_key_account' | 'untag_key_account',
  id: number,
  userId: number,
  company: CompanyState,
  /** The status the user's card shows: the company's, unless they reloaded after a change of their own. */
  current = company.properties.status.value || 'none',
): IntentOf<typeof fn> {
  const status =
    fn === 'tag_key_account' ? (current === 'key' ? 'candidate' : 'key') : current === 'key' ? 'former' : 'none';
  const mark = markOf(id);
  return {
    fn,
    id,
    userId,
    companyId: company.id,
    mark,
    parameters: { companyId: company.id, userId, status, expectedStatus: current, reason: `Status change ${mark}` },
  };
}

/** Objectives whose titles start so are the plan's; every other task on the company is its review-due task. */
const OBJECTIVE_TITLE = 'Objective ';
export const isObjectiveTask = (subject: string) => subject.startsWith(OBJECTIVE_TITLE);

/**
 * The whole plan, from the revision the editor loaded: two standing objectives (keeping their keys, with a
 * new measure) and, on every other revision, an extra one the next save drops again.
 */
export function planSave(
  id: number,
  userId: number,
  company: CompanyState,
  team: readonly [string, string],
  now: number,
): IntentOf<'save_account_plan'> {
  const baseRevision = company.plan?.revision ?? 0;
  const current = company.plan?.objectives.filter((row) => row.planRevision === baseRevision) ?? [];
  const mark = markOf(id);
  const objectives: SentObjective[] = [
    {
      title: `${OBJECTIVE_TITLE}A`,
      measure: `Measure ${mark}`,
      ownerId: team[0],
      dueAt: now + 30 * DAY,
      status: 'open',
    },
    {
      title: `${OBJECTIVE_TITLE}B`,
      measure: `Measure ${mark}`,
      ownerId: team[1],
      dueAt: now + 60 * DAY,
      status: 'open',
    },
    ...(baseRevision % 2 === 0
      ? [
          {
            title: `${OBJECTIVE_TITLE}extra ${mark}`,
            measure: 'Done',
            ownerId: team[0],
            dueAt: now + 90 * DAY,
            status: 'open' as const,
          },
        ]
      : []),
  ];
  const businessObjective = `Grow the account ${mark}`;
  const keyOf = (title: string) => current.find((row) => row.title === title)?.objectiveKey;
  return {
    fn: 'save_account_plan',
    id,
    userId,
    companyId: company.id,
    baseRevision,
    businessObjective,
    objectives,
    parameters: {
      companyId: company.id,
      userId,
      actionId: actionIdOf(id),
      baseRevision,
      plan: {
        businessObjective,
        team: { accountManager: team[0], relationshipPartner: team[1] },
        objectives: objectives.map((o) => ({ ...(keyOf(o.title) ? { objectiveKey: keyOf(o.title) } : {}), ...o })),
        quarterlyTargets: { fiscalYear: new Date(now).getUTCFullYear(), rows: [] },
      },
    },
  };
}

export function review(id: number, userId: number, companyId: string): IntentOf<'log_review'> {
  const mark = markOf(id);
  const summary = `Reviewed ${mark}, plan on track`;
  return {
    fn: 'log_review',
    id,
    userId,
    companyId,
    mark,
    summary,
    parameters: { companyId, userId, kind: 'calendar', outcomes: ['plan_updated'], summary, actionId: actionIdOf(id) },
  };
}

export function stance(
  id: number,
  userId: number,
  companyId: string,
  contactId: string,
  value: 'ally' | 'enemy',
): IntentOf<'record_contact_stance'> {
  const topics = `Topic ${markOf(id)}`;
  return {
    fn: 'record_contact_stance',
    id,
    userId,
    companyId,
    contactId,
    topics,
    parameters: { companyId, userId, contactId, stance: value, decisionTopics: [topics], actionId: actionIdOf(id) },
  };
}

/** Left `id` seconds before now: a date of its own. */
export function departure(
  id: number,
  userId: number,
  companyId: string,
  contactId: string,
  replacedBy: string | null,
  now: number,
): IntentOf<'record_contact_departure'> {
  const leftAt = now - id * 1_000;
  return {
    fn: 'record_contact_departure',
    id,
    userId,
    companyId,
    contactId,
    leftAt,
    parameters: {
      companyId,
      userId,
      contactId,
      left: true,
      reason: 'left',
      leftAt,
      replacedByContactId: replacedBy,
      actionId: actionIdOf(id),
    },
  };
}

// The settings figure a save marks: the revenue at which past purchases score full marks (it only
// nudges the scores).
const SETTINGS_MARK_BASE = 250_000;

/** The settings in force with the mark changed, from the revision the settings page loaded. */
export function settingsSave(id: number, userId: number, settings: SettingsState): IntentOf<'save_settings'> {
  const document = JSON.parse(settings.json.value ?? '{}') as { selection?: { fullScoreAt?: Record<string, number> } };
  const mark = SETTINGS_MARK_BASE + id;
  const selection = {
    ...document.selection,
    fullScoreAt: { ...document.selection?.fullScoreAt, historicPurchases: mark },
  };
  return {
    fn: 'save_settings',
    id,
    userId,
    expectedRevision: settings.revision,
    mark,
    parameters: {
      userId,
      settings: { ...document, selection },
      expectedRevision: settings.revision,
      actionId: actionIdOf(id),
    },
  };
}

/** The mark of the settings a saved document (or a claim's copy of it) holds; null when unreadable. */
export function settingsMark(json: string | null): number | null {
  try {
    const mark = (JSON.parse(json ?? '') as { selection?: { fullScoreAt?: { historicPurchases?: unknown } } }).selection
      ?.fullScoreAt?.historicPurchases;
    return typeof mark === 'number' ? mark : null;
  } catch {
    return null;
  }
}
