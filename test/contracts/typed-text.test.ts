import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMPETITION_TEXT } from '../../src/kam/competition/limits.ts';
import { asSaved, type TypedTextRule } from '../../src/kam/shared/typed-text.ts';
import { logReviewParametersAt } from '../../src/contracts/log-review.ts';
import { recordContactStanceParametersSchema } from '../../src/contracts/record-contact-stance.ts';
import { recordReviewEventParametersAt } from '../../src/contracts/record-review-event.ts';
import { saveAccountPlanParametersSchema } from '../../src/contracts/save-account-plan.ts';
import { saveCompetitionParametersSchema } from '../../src/contracts/save-competition.ts';
import { statusReasonSchema, tagKeyAccountParametersSchema } from '../../src/contracts/tag-key-account.ts';
import {
  CONTACT_STANCE_TEXT,
  PLAN_TEXT,
  REVIEW_EVENT_TEXT,
  REVIEW_TEXT,
  STATUS_CHANGE_TEXT,
} from '../../src/contracts/typed-text-rules.ts';
import { untagKeyAccountParametersSchema } from '../../src/contracts/untag-key-account.ts';

// The text people type, as each function parses it: held to the very rules the forms say beside their
// fields, and a tab or line break pasted into a single line read as a space rather than refused.

// A fixed instant: parsing "not in the future" never depends on the clock the tests run at.
const NOW = Date.UTC(2026, 10, 24, 12);
const caller = { userId: 1, companyId: '2' };
const contact = { ...caller, contactId: '3' };

const planWith = ({ title = 'Become their first call', measure = '', label = 'Warmth', step = 'Cold' } = {}) => ({
  ...caller,
  baseRevision: 0,
  plan: {
    businessObjective: '',
    team: {},
    objectives: [{ title, measure, ownerId: '70', dueAt: Date.UTC(2026, 11, 31) }],
    quarterlyTargets: { fiscalYear: 2026, rows: [{ metric: 'warmth', label, unit: 'scale', scale: [step, 'Warm'] }] },
  },
});
const competitionWith = ({ name = 'Brightline', services = 'payroll', point = 'Trusted by the board' } = {}) => ({
  ...caller,
  baseRevision: 0,
  competition: {
    competitors: [{ name, services, relationshipStrength: 'strong' }],
    strengths: [point],
    weaknesses: [],
  },
});
const review = { ...caller, kind: 'calendar', summary: 'Renewal agreed' };
const reviewAction = (text: string) => ({
  ...review,
  actions: [{ outcome: 'plan_updated', text, ownerId: '70', dueAt: Date.UTC(2026, 11, 31) }],
});

interface TypedField {
  rule: TypedTextRule;
  schema: z.ZodType;
  /** The parameters with `text` typed into the field, and where the function names the field. */
  with: (text: string) => object;
  path: string;
}

const STATUS_CHANGE = { ...caller, expectedStatus: 'none' };
const FIELDS: Record<string, TypedField> = {
  'tag_key_account reason': {
    rule: STATUS_CHANGE_TEXT.reason,
    schema: tagKeyAccountParametersSchema,
    with: (reason) => ({ ...STATUS_CHANGE, reason }),
    path: 'reason',
  },
  'untag_key_account reason': {
    rule: STATUS_CHANGE_TEXT.reason,
    schema: untagKeyAccountParametersSchema,
    with: (reason) => ({ ...STATUS_CHANGE, expectedStatus: 'key', reason }),
    path: 'reason',
  },
  'save_account_plan business objective': {
    rule: PLAN_TEXT.businessObjective,
    schema: saveAccountPlanParametersSchema,
    with: (businessObjective) => {
      const { plan } = planWith();
      return { ...planWith(), plan: { ...plan, businessObjective } };
    },
    path: 'plan.businessObjective',
  },
  'save_account_plan objective title': {
    rule: PLAN_TEXT.objectiveTitle,
    schema: saveAccountPlanParametersSchema,
    with: (title) => planWith({ title }),
    path: 'plan.objectives.0.title',
  },
  'save_account_plan objective measure': {
    rule: PLAN_TEXT.objectiveMeasure,
    schema: saveAccountPlanParametersSchema,
    with: (measure) => planWith({ measure }),
    path: 'plan.objectives.0.measure',
  },
  'save_account_plan metric name': {
    rule: PLAN_TEXT.metricLabel,
    schema: saveAccountPlanParametersSchema,
    with: (label) => planWith({ label }),
    path: 'plan.quarterlyTargets.rows.0.label',
  },
  'save_account_plan scale step': {
    rule: PLAN_TEXT.scaleSteps.each,
    schema: saveAccountPlanParametersSchema,
    with: (step) => planWith({ step }),
    path: 'plan.quarterlyTargets.rows.0.scale.0',
  },
  'record_contact_stance topic': {
    rule: CONTACT_STANCE_TEXT.decisionTopics.each,
    schema: recordContactStanceParametersSchema,
    with: (topic) => ({ ...contact, decisionTopics: [topic] }),
    path: 'decisionTopics.0',
  },
  'log_review summary': {
    rule: REVIEW_TEXT.summary,
    schema: logReviewParametersAt(NOW),
    with: (summary) => ({ ...review, summary }),
    path: 'summary',
  },
  'log_review outcome': {
    rule: REVIEW_TEXT.actionText,
    schema: logReviewParametersAt(NOW),
    with: reviewAction,
    path: 'actions.0.text',
  },
  'record_review_event note': {
    rule: REVIEW_EVENT_TEXT.note,
    schema: recordReviewEventParametersAt(NOW),
    with: (note) => ({ ...caller, kind: 'supply_chain_changed', note }),
    path: 'note',
  },
  'save_competition competitor': {
    rule: COMPETITION_TEXT.competitorName,
    schema: saveCompetitionParametersSchema,
    with: (name) => competitionWith({ name }),
    path: 'competition.competitors.0.name',
  },
  'save_competition used for': {
    rule: COMPETITION_TEXT.services,
    schema: saveCompetitionParametersSchema,
    with: (services) => competitionWith({ services }),
    path: 'competition.competitors.0.services',
  },
  'save_competition strength': {
    rule: COMPETITION_TEXT.points.each,
    schema: saveCompetitionParametersSchema,
    with: (point) => competitionWith({ point }),
    path: 'competition.strengths.0',
  },
};

/** The problems a function finds in its parameters, by path. */
function problems(field: TypedField, text: string): Record<string, string> {
  const parsed = field.schema.safeParse(field.with(text));
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const valueAt = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
const parsedText = (field: TypedField, text: string) => valueAt(field.schema.parse(field.with(text)), field.path);

const SINGLE_LINES = Object.entries(FIELDS).filter(([, field]) => field.rule.lines === 'one');
const SEVERAL_LINES = Object.entries(FIELDS).filter(([, field]) => field.rule.lines === 'several');

describe('the typed text each function takes', () => {
  it.each(Object.entries(FIELDS))('holds the %s to the length its rule gives the form', (_, field) => {
    const { most } = field.rule;
    expect(problems(field, 'x'.repeat(most))).toEqual({});
    expect(problems(field, 'x'.repeat(most + 1))).toEqual({
      [field.path]: `must be at most ${most.toLocaleString('en-GB')} characters`,
    });
  });

  it.each(Object.entries(FIELDS).filter(([, field]) => field.rule.least > 1))(
    'holds the %s to the fewest characters its rule gives the form',
    (_, field) => {
      const { least, tooShort } = field.rule;
      expect(problems(field, 'x'.repeat(least))).toEqual({});
      expect(problems(field, 'x'.repeat(least - 1))).toEqual({ [field.path]: tooShort });
    },
  );

  it('takes as many topics, strengths and scale steps as the rules say, and no more', () => {
    const topics = CONTACT_STANCE_TEXT.decisionTopics.most;
    const stance = (count: number) => ({
      ...contact,
      decisionTopics: Array.from({ length: count }, (_, i) => `t${i}`),
    });
    expect(recordContactStanceParametersSchema.safeParse(stance(topics)).success).toBe(true);
    expect(recordContactStanceParametersSchema.safeParse(stance(topics + 1)).error?.issues[0]?.message).toBe(
      `at most ${topics} topics`,
    );

    const points = COMPETITION_TEXT.points.most;
    const competition = (count: number) => ({
      ...competitionWith(),
      competition: { competitors: [], strengths: Array.from({ length: count }, (_, i) => `s${i}`), weaknesses: [] },
    });
    expect(saveCompetitionParametersSchema.safeParse(competition(points)).success).toBe(true);
    expect(saveCompetitionParametersSchema.safeParse(competition(points + 1)).error?.issues[0]?.message).toBe(
      `at most ${points} strengths`,
    );

    const { least, most } = PLAN_TEXT.scaleSteps;
    const scale = (count: number) => {
      const plan = planWith();
      const row = { ...plan.plan.quarterlyTargets.rows[0]!, scale: Array.from({ length: count }, (_, i) => `s${i}`) };
      return { ...plan, plan: { ...plan.plan, quarterlyTargets: { fiscalYear: 2026, rows: [row] } } };
    };
    expect(saveAccountPlanParametersSchema.safeParse(scale(least)).success).toBe(true);
    expect(saveAccountPlanParametersSchema.safeParse(scale(most)).success).toBe(true);
    expect(saveAccountPlanParametersSchema.safeParse(scale(least - 1)).success).toBe(false);
    expect(saveAccountPlanParametersSchema.safeParse(scale(most + 1)).success).toBe(false);
  });
});

describe('a single line of typed text', () => {
  it('counts characters as a person does: an emoji is one', () => {
    const { least, most } = STATUS_CHANGE_TEXT.reason;
    expect(statusReasonSchema.safeParse('a🙂').success).toBe(false);
    expect(statusReasonSchema.safeParse('ab🙂').success).toBe(true);
    // 500 emoji take 1,000 of the string's units and are still 500 characters.
    expect(statusReasonSchema.safeParse('🙂'.repeat(most)).success).toBe(true);
    expect(statusReasonSchema.safeParse('🙂'.repeat(most + 1)).success).toBe(false);
    expect(least).toBe(3);
  });

  it('reads a tab pasted into the status reason as a space', () => {
    expect(statusReasonSchema.parse('Moved work\tin-house')).toBe('Moved work in-house');
    expect(tagKeyAccountParametersSchema.parse({ ...STATUS_CHANGE, reason: 'Board\tbacks it' }).reason).toBe(
      'Board backs it',
    );
    expect(untagKeyAccountParametersSchema.parse({ ...STATUS_CHANGE, reason: 'Contract\tended' }).reason).toBe(
      'Contract ended',
    );
  });

  it('reads each run of line breaks and other control white space as one space, and trims it at either end', () => {
    expect(statusReasonSchema.parse('\tMoved\r\nwork\v\f in-house\u0085back\u2028soon\n')).toBe(
      'Moved work  in-house back soon',
    );
  });

  it('counts the reason as it is kept, with its tabs as spaces', () => {
    const { most } = STATUS_CHANGE_TEXT.reason;
    // A line break pasted as \r\n is one space: the reason is 500 characters as kept.
    expect(statusReasonSchema.safeParse(`${'x'.repeat(250)}\r\n${'x'.repeat(most - 251)}`).success).toBe(true);
    expect(statusReasonSchema.safeParse(`${'x'.repeat(250)}\r\n${'x'.repeat(most - 250)}`).success).toBe(false);
    // Nothing but white space and two letters is still too short.
    expect(statusReasonSchema.safeParse('\tNo\t').error?.issues.map((i) => i.message)).toEqual([
      STATUS_CHANGE_TEXT.reason.tooShort,
    ]);
  });

  it('still refuses a control character that is no white space, which never comes from a form', () => {
    expect(statusReasonSchema.safeParse('Contract\u0007ended').error?.issues.map((i) => i.message)).toEqual([
      'cannot contain control characters',
    ]);
    expect(statusReasonSchema.safeParse('Contract\u0000ended').success).toBe(false);
  });

  it.each(SINGLE_LINES)('reads a tab in the %s as a space, as the status reason does', (_, field) => {
    expect(problems(field, 'Mid\tmarket')).toEqual({});
    expect(parsedText(field, ' Mid\tmarket\r\n')).toBe('Mid market');
  });

  it('keeps what the forms would keep: the same text a form counts is the text the function saves', () => {
    for (const [, field] of SINGLE_LINES) {
      const typed = '\tStrong\t\tties ';
      expect(parsedText(field, typed)).toBe(asSaved(field.rule, typed));
    }
  });
});

describe('text over several lines', () => {
  it.each(SEVERAL_LINES)('keeps the line breaks and tabs of the %s', (_, field) => {
    expect(parsedText(field, 'First line\n\tindented second')).toBe('First line\n\tindented second');
  });
});
