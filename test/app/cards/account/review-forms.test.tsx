import { Alert, Button, DateInput, LoadingSpinner, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import type { CardData } from '../../../../src/contracts/index.ts';
import { BEFORE_THE_LAST_REVIEW } from '../../../../src/kam/reviews/last-review.ts';
import {
  callsTo,
  cardData,
  failed,
  ok,
  openEverySection,
  renderer,
  serveChange,
  withText,
} from '../../ui/test-utils.ts';

// The Reviews section's forms as a manager fills them in: a date already gone is asked about as the plan
// editor asks, and what the function refuses is named as the form labels it, beside the field.

afterEach(() => vi.restoreAllMocks());

const TASKS_SYNCED = { synced: true, message: null };

async function openReviews(data: CardData, actions: Record<string, object>) {
  const spy = serveChange({ uid: 'card_data', before: data, after: data }, actions);
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return { ...card, spy };
}

/** Opens Log a review and fills in a decision and one outcome due on the day given. */
async function logReviewWithOutcome(
  actions: Record<string, object>,
  due: { year: number; month: number; date: number },
) {
  const card = await openReviews(cardData(), actions);
  const owner = cardData().owners[0]!;
  card.find(Button, withText('Log a review…')).trigger('onClick');
  card.find(TextArea, { name: 'summary' }).trigger('onChange', 'Renewal agreed' as never);
  card.find(Button, withText('Add an outcome')).trigger('onClick');
  card.find(TextArea, { name: 'action-0-text' }).trigger('onChange', 'Send the renewal letter' as never);
  card.find(Select, { name: 'action-0-owner' }).trigger('onChange', owner.ownerId as never);
  card.find(DateInput, { name: 'action-0-due' }).trigger('onChange', due as never);
  return card;
}

describe('logging a review', () => {
  it('asks before logging an outcome due on a day already gone, as the plan editor does, and logs once confirmed', async () => {
    const { find, maybeFind, waitFor, spy } = await logReviewWithOutcome(
      { log_review: ok({ tasks: TASKS_SYNCED }) },
      { year: 2020, month: 0, date: 1 },
    );
    find(Button, withText('Log the review')).trigger('onClick');
    expect(find(Alert, { title: 'Due in the past?' }).text).toContain(
      'Outcome 1 is due on 1 Jan 2020, which has passed.',
    );
    expect(callsTo(spy, 'log_review')).toHaveLength(0);

    find(Button, withText('Change the date')).trigger('onClick');
    expect(maybeFind(Alert, { title: 'Due in the past?' })).toBeNull();
    find(Button, withText('Log the review')).trigger('onClick');
    find(Button, withText('Log the review with this date')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'log_review')).toHaveLength(1));
    expect(callsTo(spy, 'log_review')[0]).toMatchObject({ actions: [{ dueAt: Date.UTC(2020, 0, 1, 12) }] });
  });

  it('logs an outcome due today or later without asking', async () => {
    const { find, maybeFind, waitFor, spy } = await logReviewWithOutcome(
      { log_review: ok({ tasks: TASKS_SYNCED }) },
      // The card was read on 24 Nov 2026 (test-utils' NOW).
      { year: 2026, month: 10, date: 24 },
    );
    find(Button, withText('Log the review')).trigger('onClick');
    expect(maybeFind(Alert, { title: 'Due in the past?' })).toBeNull();
    await waitFor(() => expect(callsTo(spy, 'log_review')).toHaveLength(1));
  });

  it('marks the field the function refused, names it as the form does, and drops it once it is changed', async () => {
    const { find, findAll, maybeFind, waitFor } = await logReviewWithOutcome(
      {
        log_review: failed(
          'KAM.INVALID_PARAMETERS',
          'Keystone received something it cannot use. Check the highlighted fields and try again.',
          [{ path: 'actions.0.text', message: 'cannot contain control characters' }],
        ),
      },
      { year: 2026, month: 11, date: 15 },
    );
    find(Button, withText('Log the review')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { title: 'The review was not logged' })).not.toBeNull());
    expect(find(TextArea, { name: 'action-0-text' }).props).toMatchObject({
      error: true,
      validationMessage: 'cannot contain control characters',
    });
    const alert = find(Alert, { title: 'The review was not logged' }).text ?? '';
    expect(alert).toContain('Fix the highlighted fields and try again.');
    expect(alert).not.toContain('actions.0');
    expect(findAll(Text).map((t) => t.text)).toContain(
      'Outcome 1, what is to be done: cannot contain control characters',
    );

    find(TextArea, { name: 'action-0-text' }).trigger('onChange', 'Send the renewal letter today' as never);
    expect(find(TextArea, { name: 'action-0-text' }).props.error).toBeUndefined();
    expect(maybeFind(Alert, { title: 'The review was not logged' })).toBeNull();
  });
  it('says beside each field what a review lacks when Log is pressed, sends nothing, and drops it once filled in', async () => {
    const { find, findAll, maybeFind, waitFor, spy } = await openReviews(cardData(), {
      log_review: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Log a review…')).trigger('onClick');
    find(Button, withText('Add an outcome')).trigger('onClick');
    find(TextArea, { name: 'action-0-text' }).trigger('onChange', 'Send the renewal letter' as never);
    find(Select, { name: 'action-0-owner' }).trigger('onChange', '' as never);
    expect(find(Button, withText('Log the review')).props.disabled).toBe(false);
    find(Button, withText('Log the review')).trigger('onClick');

    expect(find(TextArea, { name: 'summary' }).props).toMatchObject({
      error: true,
      validationMessage: 'cannot be empty',
    });
    expect(find(Select, { name: 'action-0-owner' }).props.validationMessage).toBe('pick who does it');
    expect(find(DateInput, { name: 'action-0-due' }).props.validationMessage).toBe('pick when it is due');
    expect(find(TextArea, { name: 'action-0-text' }).props.error).toBeUndefined();
    expect(find(Alert, { title: 'The review was not logged' }).text).toContain(
      'Fix the highlighted fields and try again.',
    );
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'What was decided: cannot be empty',
        'Outcome 1, who does it: pick who does it',
        'Outcome 1, due date: pick when it is due',
      ]),
    );
    expect(callsTo(spy, 'log_review')).toHaveLength(0);

    find(TextArea, { name: 'summary' }).trigger('onChange', 'Renewal agreed' as never);
    expect(find(TextArea, { name: 'summary' }).props.error).toBeUndefined();
    find(Select, { name: 'action-0-owner' }).trigger('onChange', cardData().owners[0]!.ownerId as never);
    find(DateInput, { name: 'action-0-due' }).trigger('onChange', { year: 2026, month: 11, date: 15 } as never);
    expect(maybeFind(Alert, { title: 'The review was not logged' })).toBeNull();
    find(Button, withText('Log the review')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'log_review')).toHaveLength(1));
  });
});

describe('recording an event', () => {
  it('marks When when the function refuses a day still to come, naming it as the form does', async () => {
    const { find, findAll, waitFor } = await openReviews(cardData(), {
      record_review_event: failed('KAM.INVALID_PARAMETERS', 'An event cannot be recorded for a date in the future.', [
        { path: 'at', message: 'cannot be in the future' },
      ]),
    });
    find(Button, withText('Record an event…')).trigger('onClick');
    find(Select, { name: 'eventKind' }).trigger('onChange', 'supply_chain_changed' as never);
    find(DateInput, { name: 'eventAt' }).trigger('onChange', { year: 2026, month: 11, date: 30 } as never);
    find(TextArea, { name: 'eventNote' }).trigger('onChange', 'They will outsource purchasing' as never);
    find(Button, withText('Record the event')).trigger('onClick');
    await waitFor(() => expect(find(Alert, { title: 'The event was not recorded' })).toBeDefined());
    expect(find(DateInput, { name: 'eventAt' }).props).toMatchObject({
      error: true,
      validationMessage: 'cannot be in the future',
    });
    expect(findAll(Text).map((t) => t.text)).toContain('When: cannot be in the future');
  });

  it('says beside each field what an event lacks when Record is pressed, and records nothing until it has it', async () => {
    const { find, findAll, maybeFind, waitFor, spy } = await openReviews(cardData(), {
      record_review_event: ok({ trigger: {} }),
    });
    find(Button, withText('Record an event…')).trigger('onClick');
    expect(find(Button, withText('Record the event')).props.disabled).toBe(false);
    find(Button, withText('Record the event')).trigger('onClick');
    expect(find(Select, { name: 'eventKind' }).props.validationMessage).toBe('pick what happened');
    expect(find(TextArea, { name: 'eventNote' }).props.validationMessage).toBe('cannot be empty');
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining(['What happened: pick what happened', 'What it means for the plan: cannot be empty']),
    );
    expect(callsTo(spy, 'record_review_event')).toHaveLength(0);

    find(Select, { name: 'eventKind' }).trigger('onChange', 'supply_chain_changed' as never);
    expect(find(Select, { name: 'eventKind' }).props.error).toBeUndefined();
    find(TextArea, { name: 'eventNote' }).trigger('onChange', 'They will outsource purchasing' as never);
    expect(maybeFind(Alert, { title: 'The event was not recorded' })).toBeNull();
    find(Button, withText('Record the event')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'record_review_event')).toHaveLength(1));
  });

  it('says a day on or before the last review calls for no review, and records nothing for it', async () => {
    // cardData's last review took place 80 days before NOW, on 5 Sept 2026.
    const { find, spy } = await openReviews(cardData(), { record_review_event: ok({ trigger: {} }) });
    find(Button, withText('Record an event…')).trigger('onClick');
    expect(find(DateInput, { name: 'eventAt' }).props.description).toContain('after the last review (5 Sept 2026)');
    find(Select, { name: 'eventKind' }).trigger('onChange', 'competitor_strategy_changed' as never);
    find(DateInput, { name: 'eventAt' }).trigger('onChange', { year: 2020, month: 0, date: 1 } as never);
    find(TextArea, { name: 'eventNote' }).trigger('onChange', 'Their rival now sells direct' as never);
    expect(find(DateInput, { name: 'eventAt' }).props).toMatchObject({
      error: true,
      validationMessage: BEFORE_THE_LAST_REVIEW,
    });
    expect(find(Button, withText('Record the event')).props.disabled).toBe(true);
    find(Button, withText('Record the event')).trigger('onClick');
    expect(callsTo(spy, 'record_review_event')).toHaveLength(0);

    find(DateInput, { name: 'eventAt' }).trigger('onChange', { year: 2026, month: 8, date: 6 } as never);
    expect(find(DateInput, { name: 'eventAt' }).props.error).toBeUndefined();
    expect(find(Button, withText('Record the event')).props.disabled).toBe(false);
  });
});
