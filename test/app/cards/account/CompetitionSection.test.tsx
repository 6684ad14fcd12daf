import { Alert, Button, Input, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import { COMPETITORS_MAX } from '../../../../src/kam/competition/limits.ts';
import { callsTo, cardData, openEverySection, renderer, serveChange, withText } from '../../ui/test-utils.ts';

// The competitors form as a manager fills it in: what the function refuses is marked beside the field,
// as the other forms mark it, and the alert points to the marked fields.

afterEach(() => vi.restoreAllMocks());

async function editCompetitors(actions: Record<string, object>) {
  const data = cardData();
  const spy = serveChange({ uid: 'card_data', before: data, after: data }, actions);
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  card.find(Button, withText('Edit competitors and our position')).trigger('onClick');
  return { ...card, spy };
}

describe('editing the competitors', () => {
  it('marks a competitor left without a name beside it on the press, points the alert to it, sends nothing, and drops the mark once it changes', async () => {
    const { find, findAll, maybeFind, waitFor, spy } = await editCompetitors({});
    find(Button, withText('Add a competitor')).trigger('onClick');
    expect(find(Input, { name: 'competitor-1-name' }).props.required).toBe(true);
    find(Button, withText('Save')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { title: 'The competitors were not saved' })).not.toBeNull());
    expect(callsTo(spy, 'save_competition')).toHaveLength(0);

    expect(find(Input, { name: 'competitor-1-name' }).props).toMatchObject({
      error: true,
      validationMessage: 'cannot be empty: name them, or remove the row',
    });
    expect(find(Input, { name: 'competitor-0-name' }).props.error).toBeUndefined();
    expect(find(Input, { name: 'competitor-1-services' }).props.error).toBeUndefined();
    expect(find(Alert, { title: 'The competitors were not saved' }).text).toContain(
      'Fix the highlighted fields and try again.',
    );
    expect(findAll(Text).map((t) => t.text)).toContain('Competitor 2: cannot be empty: name them, or remove the row');

    find(Input, { name: 'competitor-1-name' }).trigger('onChange', 'Brightline' as never);
    await waitFor(() => expect(find(Input, { name: 'competitor-1-name' }).props.error).toBeUndefined());
    expect(maybeFind(Alert, { title: 'The competitors were not saved' })).toBeNull();
  });

  it('stops adding competitors at the most a save takes, and says so', async () => {
    const { find, findByTestId, maybeFind } = await editCompetitors({});
    const add = () => find(Button, withText('Add a competitor'));
    for (let added = 0; !add().props.disabled; added++) {
      expect(added).toBeLessThan(COMPETITORS_MAX);
      add().trigger('onClick');
    }
    expect(maybeFind(Input, { name: `competitor-${COMPETITORS_MAX - 1}-name` })).not.toBeNull();
    expect(maybeFind(Input, { name: `competitor-${COMPETITORS_MAX}-name` })).toBeNull();
    expect(findByTestId(Text, 'competitors-full').text).toBe(
      `At most ${COMPETITORS_MAX} competitors: remove one to add another.`,
    );
    find(Button, withText('Remove')).trigger('onClick');
    expect(add().props.disabled).toBe(false);
  });
});
