import { Button, Flex, LoadingSpinner, StatusTag, TableCell, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import type { ReviewsSection, ReviewTrigger } from '../../../../src/contracts/index.ts';
import {
  cardData,
  DAY,
  NOW,
  openEverySection,
  renderer,
  review,
  reviews,
  serveFunctions,
  ok,
  trigger,
  withText,
} from '../../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

/** The Key account tab with every section open, on a card whose Reviews section is `section`. */
async function openReviews(section: Partial<ReviewsSection>) {
  serveFunctions({ card_data: ok(cardData({ reviews: reviews(section) })) });
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return card;
}

/** What the Reviews section says under "Changes that call for a review" when none does. */
async function whyNoChangeIsListed(section: Partial<ReviewsSection>): Promise<string> {
  const card = await openReviews({ triggered: [], ...section });
  return card.findByTestId(Text, 'no-review-triggers').text ?? '';
}

const outsideTheCycle = { inReviewCycle: false, nextDueAt: null, status: 'not_scheduled' } as const;

describe('the Reviews section when no change calls for a review', () => {
  it('says nothing has changed since the last review when one was logged', async () => {
    expect(await whyNoChangeIsListed({})).toBe('Nothing has changed since the last review.');
  });

  it('says no review has been logged yet on a company that was never reviewed and is not a key account', async () => {
    expect(await whyNoChangeIsListed({ ...outsideTheCycle, history: [] })).toBe(
      'No review has been logged yet. Changes call for a review only on a key account.',
    );
  });

  it('does not speak of a last review on a former key account whose reviews stopped with its status', async () => {
    expect(await whyNoChangeIsListed(outsideTheCycle)).toBe('Changes call for a review only on a key account.');
  });

  it('tells a key account without a plan to start one on the Plan tab, as its reviews start from the plan', async () => {
    expect(await whyNoChangeIsListed({ nextDueAt: null, status: 'not_scheduled', history: [] })).toBe(
      'No review has been logged yet. Start the plan on the Plan tab: the first calendar review falls due a review cycle after its first save, and changes call for one from then.',
    );
  });

  it('tells a key account with a plan and no review yet when its first review is due', async () => {
    expect(await whyNoChangeIsListed({ nextDueAt: NOW + 10 * DAY, history: [] })).toBe(
      'No review has been logged yet, and nothing that calls for one has changed since the plan was started. The first review is due 4 Dec 2026.',
    );
  });
});

describe('logging a review or recording an event', () => {
  const buttonsShown = async (section: Partial<ReviewsSection>) => {
    const card = await openReviews(section);
    return ['Log a review…', 'Record an event…'].filter((label) => card.maybeFind(Button, withText(label)) !== null);
  };

  it('is offered on a key account', async () => {
    expect(await buttonsShown({})).toEqual(['Log a review…', 'Record an event…']);
  });

  it('is not offered on a company outside the review cycle, as only key accounts are reviewed', async () => {
    expect(await buttonsShown(outsideTheCycle)).toEqual([]);
  });

  it('is offered on a key account without a plan, whose schedule line says a review can be logged before the cycle starts', async () => {
    const noPlan: Partial<ReviewsSection> = { nextDueAt: null, status: 'not_scheduled', history: [] };
    expect(await buttonsShown(noPlan)).toEqual(['Log a review…', 'Record an event…']);
    expect(await nextReviewLine(noPlan)).toBe(
      'No calendar review scheduled: the review cycle starts when the plan is first saved on the Plan tab. A review can be logged before then.',
    );
  });
});

/** What the Reviews section says beside its status tag of when the next review falls. */
async function nextReviewLine(section: Partial<ReviewsSection>): Promise<string> {
  const card = await openReviews(section);
  return card.findByTestId(Text, 'next-review').text ?? '';
}

describe('when the next review falls', () => {
  it('says a review whose date has passed was due then, rather than next', async () => {
    expect(await nextReviewLine({ status: 'overdue', nextDueAt: NOW - 51 * DAY })).toBe(
      'Quarterly review was due 4 Oct 2026 (51 days ago)',
    );
  });

  it('says the next review is due today on its day, and names one still to come as next', async () => {
    expect(await nextReviewLine({ status: 'due', nextDueAt: NOW - 2 * 3_600_000 })).toBe(
      'Next quarterly review 24 Nov 2026 (today)',
    );
    expect(await nextReviewLine({ nextDueAt: NOW + 10 * DAY })).toBe('Next quarterly review 4 Dec 2026 (in 10 days)');
  });
});

describe('the top of the section when changes call for a review', () => {
  /** The tags beside the schedule and the sentence under them. */
  const top = async (section: Partial<ReviewsSection>) => {
    const card = await openReviews(section);
    return {
      tags: [
        card.findByTestId(StatusTag, 'review-status').text,
        card.maybeFindByTestId(StatusTag, 'review-called-for-tag')?.text ?? null,
      ],
      schedule: card.findByTestId(Text, 'next-review').text,
      calledFor: card.maybeFindByTestId(Text, 'review-called-for')?.text ?? null,
    };
  };
  const merger = trigger({
    kind: 'our_merger',
    at: NOW - 2 * 3_600_000,
    message: 'We are in a merger or acquisition: Client acquired by Rival Group',
    evidence: {
      objectType: 'companies',
      objectId: '123',
      property: 'recordedEvent',
      from: null,
      to: 'Client acquired by Rival Group',
    },
  });

  it('says a review is called for beside the calendar, which keeps its own state, naming how many changes and the latest', async () => {
    expect(await top({ triggered: [merger, trigger()] })).toEqual({
      tags: ['Upcoming', 'Review called for'],
      schedule: 'Next quarterly review 4 Dec 2026 (in 10 days)',
      calledFor:
        'A review is called for: 2 changes since the last review. The latest, 24 Nov 2026 (today): We are in a merger or acquisition: Client acquired by Rival Group.',
    });
  });

  it("counts from the plan's start on an account never reviewed, and keeps an overdue calendar review in view", async () => {
    const section = await top({ triggered: [trigger()], history: [], status: 'overdue', nextDueAt: NOW - 51 * DAY });
    expect(section.tags).toEqual(['Overdue', 'Review called for']);
    expect(section.calledFor).toBe(
      'A review is called for: 1 change since the plan was started. The latest, 19 Nov 2026 (5 days ago): Tom Baker changed title from CFO to Board adviser.',
    );
  });

  it('calls for nothing when no change does', async () => {
    expect(await top({ triggered: [] })).toMatchObject({ tags: ['Upcoming', null], calledFor: null });
  });
});

describe('the changes that call for a review', () => {
  /** Each trigger's sentence and the line under it. */
  const triggerLines = async (triggered: ReviewTrigger[]): Promise<string[]> => {
    const card = await openReviews({ triggered });
    const texts = card.findAll(Text).map((t) => t.text ?? '');
    const first = texts.indexOf(triggered[0]!.message);
    return texts.slice(first, first + 2 * triggered.length);
  };

  it('dates a departure the day the contact left, and says when it was recorded without contradicting why they left', async () => {
    const left = Date.UTC(2026, 10, 20, 12);
    const retired = trigger({
      kind: 'key_contact_left',
      at: left,
      message: 'Leo Wright retired',
      evidence: {
        objectType: 'contacts',
        objectId: '601',
        property: 'leftCompany',
        from: null,
        to: 'true',
        recordedAt: NOW - 2 * 3_600_000,
      },
    });
    expect(await triggerLines([retired])).toEqual([
      'Leo Wright retired',
      '20 Nov 2026 · Departure recorded 24 Nov 2026',
    ]);
  });

  it('does not repeat under a change of stance, title or owner the change its sentence names', async () => {
    const stance = trigger({
      kind: 'stance_worsened',
      message: 'George Carter went from Supporter to Neutral',
      evidence: { objectType: 'contacts', objectId: '502', property: 'stance', from: 'supporter', to: 'neutral' },
    });
    const strategy = trigger({
      kind: 'client_strategy_changed',
      at: NOW - 6 * DAY,
      message: "The client's strategy changed",
      evidence: { objectType: 'companies', objectId: '123', property: 'strategy', from: 'Grow', to: 'Sell' },
    });
    expect(await triggerLines([stance, trigger(), strategy])).toEqual([
      'George Carter went from Supporter to Neutral',
      '19 Nov 2026',
      'Tom Baker changed title from CFO to Board adviser',
      '19 Nov 2026',
      "The client's strategy changed",
      '18 Nov 2026 · Client strategy: “Grow” → “Sell”',
    ]);
  });
});

describe('the review history', () => {
  it('heads each action with its outcome once, and lists apart only the outcomes ticked without one', async () => {
    const logged = review({
      outcomes: ['plan_updated', 'celebrate'],
      summary: 'Dan replaces Jan as buyer.',
      actions: [
        {
          outcome: 'plan_updated',
          text: 'Put Dan in the plan',
          owner: null,
          dueAt: NOW + 5 * DAY,
          taskId: 'task-1',
        },
      ],
    });
    const card = await openReviews({ history: [logged] });
    const outcomeCell = card
      .findAll(TableCell)
      .find((c) => c.findAll(Text).some((t) => t.text === 'Dan replaces Jan as buyer.'))!;
    const lines = outcomeCell.findAll(Text).map((t) => t.text);
    expect(lines.filter((l) => l === 'Plan updated')).toHaveLength(1);
    expect(lines).toContain('Achievements to celebrate');
  });

  it('shows what was decided as typed, line by line and paragraph by paragraph, at the size of the outcomes', async () => {
    const logged = review({
      outcomes: ['plan_updated'],
      summary: 'Dan replaces Jan as buyer.\nJan stays as sponsor.\n\nNext: meet Dan in March.',
      actions: [],
    });
    const card = await openReviews({ history: [logged] });
    const outcomeCell = card
      .findAll(TableCell)
      .find((c) => c.findAll(Text).some((t) => t.text === 'Dan replaces Jan as buyer.'))!;
    const texts = outcomeCell.findAll(Text);
    expect(texts.map((t) => t.text)).toEqual([
      'Dan replaces Jan as buyer.',
      'Jan stays as sponsor.',
      'Next: meet Dan in March.',
      'Plan updated',
    ]);
    expect(texts.map((t) => t.props.variant ?? 'bodytext')).toEqual(Array(4).fill('bodytext'));
    // The blank line parts two paragraphs: the first holds its two lines, the second its one.
    const paragraphs = outcomeCell
      .findAll(Flex)
      .filter((f) => f.props.gap === 'flush')
      .map((f) => f.findAll(Text).map((t) => t.text));
    expect(paragraphs).toEqual([['Dan replaces Jan as buyer.', 'Jan stays as sponsor.'], ['Next: meet Dan in March.']]);
  });
});
