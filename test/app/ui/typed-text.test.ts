import { describe, expect, it } from 'vitest';
import { typedField, typedListField } from '../../../src/app/ui/typed-text.ts';
import { listOf, oneLine, severalLines } from '../../../src/kam/shared/typed-text.ts';

// The one helper every typed field on the cards is held by: what it says of text as typed, and how it
// gives way to what the function said of the field.

const REFUSED = () => ({ error: true as const, validationMessage: 'cannot contain control characters' });

describe('a typed field held to its rule', () => {
  it('says nothing while the field is empty: its required mark says that', () => {
    expect(typedField(oneLine(200), '').problem).toBeNull();
    expect(typedField(severalLines(500, 3), '').problem).toBeNull();
  });

  it('counts a single line as it is kept, its tabs and line breaks as one space each run', () => {
    expect(typedField(oneLine(5), 'ab\t\r\ncd').problem).toBeNull();
    expect(typedField(oneLine(5), 'ab\t\r\ncde').problem).toBe('At most 5 characters (1 over)');
    expect(typedField(oneLine(80), ' \t ').problem).toBe('Cannot be only spaces');
    expect(typedField(oneLine(500, 3), 'Bi\t').problem).toBe('At least 3 characters');
  });

  it('counts an emoji as the one character a person sees, as the function does', () => {
    expect(typedField(oneLine(500, 3), 'a🙂').problem).toBe('At least 3 characters');
    expect(typedField(oneLine(3), '🙂🙂🙂').problem).toBeNull();
  });

  it('counts text over several lines with its line breaks, as it is kept', () => {
    expect(typedField(severalLines(5), 'ab\r\ncd').problem).toBe('At most 5 characters (1 over)');
  });

  it('groups the thousands of a limit as the rest of the card does', () => {
    const field = typedField(severalLines(5000, 3), 'x'.repeat(5001));
    expect(field.problem).toBe('At most 5,000 characters (1 over)');
    expect(field.props().description).toBe('At least 3 characters, at most 5,000');
  });

  it("marks its own problem over the function's, and the function's when it has none", () => {
    expect(typedField(oneLine(3), 'long').props(REFUSED)).toEqual({
      description: 'At most 3 characters',
      error: true,
      validationMessage: 'At most 3 characters (1 over)',
    });
    expect(typedField(oneLine(3), 'ok').props(REFUSED)).toEqual({
      description: 'At most 3 characters',
      ...REFUSED(),
    });
  });

  it('names the item of a list that is too long, and says when there are too many', () => {
    const words = { one: 'topic', many: 'topics' };
    expect(typedListField(listOf(oneLine(4), 2), ['one', 'three'], words).problem).toBe(
      'Topic 2: at most 4 characters (1 over)',
    );
    expect(typedListField(listOf(oneLine(4), 2), ['a', 'b', 'c'], words).problem).toBe('At most 2 topics');
    const described = { ...words, describe: (limits: string) => `Steps (${limits})` };
    expect(typedListField(listOf(oneLine(4), 10, 2), [], described).props()).toEqual({
      description: 'Steps (2 to 10 topics, each at most 4 characters)',
    });
  });
});
