import { describe, expect, it } from 'vitest';
import {
  logReview,
  producedOutcomes,
  reviewActionSchema,
  reviewActionStatus,
  type ReviewAction,
} from '../../../src/kam/reviews/index.ts';
import { aReview, day } from './factories.ts';

const trigger = {
  kind: 'key_contact_left' as const,
  at: day(3),
  evidence: { recordKind: 'contact' as const, recordId: 'jan', property: 'leftCompany', from: 'false', to: 'true' },
};

describe('logReview', () => {
  it('lists the outcomes a review produced: plan updated, celebrate, escalate, exploit', () => {
    const result = logReview(
      aReview({
        kind: 'triggered',
        triggers: [trigger],
        planUpdate: { summary: 'Dan replaces Jan as buyer; Tom to be called monthly', toldOwnerIds: ['11', '12'] },
        achievements: [{ description: 'Dan converted from protester to supporter', responsibleOwnerId: '12' }],
        threats: [
          {
            description: 'New buyer may bring his own suppliers',
            ownerId: '11',
            handling: 'escalate',
            escalatedTo: '10',
          },
        ],
        opportunities: [{ description: 'Use the relationship to break into the new parent', ownerId: '11' }],
      }),
    );
    expect(result.success && result.data.outcomes).toEqual(['plan_updated', 'celebrate', 'escalate', 'exploit']);
  });

  it('logs a calendar review with nothing to report and no outcomes', () => {
    const result = logReview(aReview());
    expect(result.success && result.data).toMatchObject({
      outcomes: [],
      review: { triggers: [], planUpdate: null, achievements: [], summary: '' },
    });
  });

  it('requires a triggered review to name its trigger', () => {
    const result = logReview(aReview({ kind: 'triggered' }));
    expect(!result.success && result.errors).toEqual([
      { path: 'triggers', message: 'A triggered review names at least one trigger' },
    ]);
  });

  it('requires whom an escalated threat went to, and who was told about a plan change', () => {
    const result = logReview(
      aReview({
        threats: [{ description: 'Budget freeze', ownerId: '11', handling: 'escalate' }],
        planUpdate: { summary: 'Pause the upsell', toldOwnerIds: [] },
      }),
    );
    expect(!result.success && result.errors.map((e) => e.path)).toEqual([
      'planUpdate.toldOwnerIds',
      'threats.0.escalatedTo',
    ]);
  });
});

describe('review actions', () => {
  const action = (overrides: Partial<ReviewAction> = {}): ReviewAction => ({
    outcome: 'escalate',
    text: 'New buyer may bring his own suppliers',
    ownerId: '11',
    dueAt: day(14),
    ...overrides,
  });

  it('lists what a review produced from its actions and the outcomes ticked, in the article order, each once', () => {
    expect(
      producedOutcomes(['celebrate'], [action({ outcome: 'exploit' }), action(), action({ outcome: 'celebrate' })]),
    ).toEqual(['celebrate', 'escalate', 'exploit']);
    expect(producedOutcomes([], [])).toEqual([]);
  });

  it('refuses an action without words, owner or date', () => {
    expect(reviewActionSchema.safeParse(action({ text: '  ' })).success).toBe(false);
    expect(reviewActionSchema.safeParse({ ...action(), ownerId: '' }).success).toBe(false);
    expect(reviewActionSchema.safeParse({ ...action(), dueAt: undefined }).success).toBe(false);
  });

  it('says an action is done once its task is completed, overdue when open past its date, and when it has no task', () => {
    expect(reviewActionStatus({ dueAt: day(14), taskCompleted: true, now: day(20) })).toBe('done');
    expect(reviewActionStatus({ dueAt: day(14), taskCompleted: false, now: day(10) })).toBe('open');
    expect(reviewActionStatus({ dueAt: day(14), taskCompleted: false, now: day(20) })).toBe('overdue');
    expect(reviewActionStatus({ dueAt: day(14), taskCompleted: null, now: day(20) })).toBe('no_task');
  });
});
