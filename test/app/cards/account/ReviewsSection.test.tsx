import { Button, LoadingSpinner, TableCell, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import type { ReviewsSection } from '../../../../src/contracts/index.ts';
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
  withText,
} from '../../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

/** What the Reviews section says under "Changes that call for a review" when none does. */
async function whyNoChangeIsListed(section: Partial<ReviewsSection>): Promise<string> {
  serveFunctions({ card_data: ok(cardData({ reviews: reviews({ triggered: [], ...section }) })) });
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
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

  it('tells a key account without a plan to start one, as its reviews start from the plan', async () => {
    expect(await whyNoChangeIsListed({ nextDueAt: null, status: 'not_scheduled', history: [] })).toBe(
      'No review has been logged yet. Start the account plan in the Plan section: the first review falls due a review cycle after its first save, and changes call for one from then.',
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
    serveFunctions({ card_data: ok(cardData({ reviews: reviews(section) })) });
    const card = renderer('crm.record.tab');
    card.render(<KeyAccountCard />);
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
    await openEverySection(card);
    return ['Log a review…', 'Record an event…'].filter((label) => card.maybeFind(Button, withText(label)) !== null);
  };

  it('is offered on a key account', async () => {
    expect(await buttonsShown({})).toEqual(['Log a review…', 'Record an event…']);
  });

  it('is not offered on a company outside the review cycle, as only key accounts are reviewed', async () => {
    expect(await buttonsShown(outsideTheCycle)).toEqual([]);
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
    serveFunctions({ card_data: ok(cardData({ reviews: reviews({ history: [logged] }) })) });
    const card = renderer('crm.record.tab');
    card.render(<KeyAccountCard />);
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
    await openEverySection(card);
    const outcomeCell = card
      .findAll(TableCell)
      .find((c) => c.findAll(Text).some((t) => t.text === 'Dan replaces Jan as buyer.'))!;
    const lines = outcomeCell.findAll(Text).map((t) => t.text);
    expect(lines.filter((l) => l === 'Plan updated')).toHaveLength(1);
    expect(lines).toContain('Achievements to celebrate');
  });
});
