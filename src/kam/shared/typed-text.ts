// Text a person types into a form, and the limits it is saved within. Free of zod: the functions' schemas
// are built from these rules (typed-text-schema.ts), and the screens say the same limits beside each field
// while it is typed.

/** How one piece of typed text is kept: on one line or over several, and how long it may be once trimmed. */
export interface TypedTextRule {
  /** One line (a reason, a title, a name) or text that may run over several lines (a summary, a note). */
  lines: 'one' | 'several';
  /** The fewest characters; 0 when it may be left empty. */
  least: number;
  most: number;
  /** What the function says of text shorter than `least`. */
  tooShort: string;
}

/** Several short lines typed in one field (topics between semicolons, points one a line, a scale's steps). */
export interface TypedListRule {
  each: TypedTextRule;
  /** The fewest items; 0 when the list may be empty. */
  least: number;
  most: number;
}

export const oneLine = (most: number, least = 1, tooShort = 'cannot be empty'): TypedTextRule => ({
  lines: 'one',
  least,
  most,
  tooShort,
});

export const severalLines = (most: number, least = 0, tooShort = 'cannot be empty'): TypedTextRule => ({
  lines: 'several',
  least,
  most,
  tooShort,
});

export const listOf = (each: TypedTextRule, most: number, least = 0): TypedListRule => ({ each, least, most });

// A tab or a line break pasted from a spreadsheet or an email into one line is a gap between words, not
// something to refuse: the control characters that are white space, and Unicode's line and paragraph separators.
const LINE_BREAKING_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** Text as one line keeps it: each run of tabs, line breaks or other control white space is one space. */
export const onOneLine = (text: string): string => text.replace(LINE_BREAKING_SPACE, ' ');

/**
 * How many characters a person sees they typed: an emoji is one, though it takes two of the string's units,
 * so "a🙂" is two characters short of nothing and one short of three.
 */
export const charactersIn = (text: string): number => [...text].length;

/** Typed text as its function saves it: on one line where the rule says so, without white space at either end. */
export const asSaved = (rule: TypedTextRule, typed: string): string =>
  (rule.lines === 'one' ? onOneLine(typed) : typed).trim();
