import { describe, expect, it } from 'vitest';
import { storedTriggerMessage } from '../../../src/keystone/account/reviews-section.ts';

// A logged review keeps the sentences of its day; the card's history and the portfolio show them as open triggers word them.

const NOW = Date.UTC(2026, 10, 24);
const evidence = { objectType: 'contacts', objectId: '7', property: 'keystone_stance' } as const;
const stance = (message: string, from: string | null, to: string) => ({
  kind: 'stance_improved' as const,
  at: NOW,
  message,
  evidence: { ...evidence, from, to },
});

describe("a logged review's triggers, as the card's history and the portfolio show them", () => {
  it('words a stance change stored in older words from its evidence, keeping the name it stored', () => {
    expect(storedTriggerMessage(stance('George Carter went from neutral to supporter', 'neutral', 'supporter'))).toBe(
      'George Carter went from Neutral to Supporter',
    );
    expect(storedTriggerMessage({ ...stance('Bethan Graham is a new protester', null, 'protester') })).toBe(
      'Bethan Graham was first recorded as Protester',
    );
  });

  it('leaves a sentence already in the words open triggers use, and other kinds of trigger, as stored', () => {
    const current = stance('Leo Lewis went from Supporter to Neutral', 'supporter', 'neutral');
    expect(storedTriggerMessage(current)).toBe('Leo Lewis went from Supporter to Neutral');
    const left = {
      kind: 'key_contact_left' as const,
      at: NOW,
      message: 'Jan Stewer retired',
      evidence: { ...evidence, property: 'keystone_left_company', from: 'false', to: 'true' },
    };
    expect(storedTriggerMessage(left)).toBe('Jan Stewer retired');
    expect(storedTriggerMessage({ message: 'A triggered review of long ago' })).toBe('A triggered review of long ago');
  });
});
