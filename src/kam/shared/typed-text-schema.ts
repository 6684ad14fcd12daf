import { z } from 'zod';
import { charactersIn, onOneLine, type TypedTextRule } from './typed-text.ts';

// Control characters never come from a form, apart from the line breaks and tabs of text over several lines.
const NO_CONTROL_CHARACTER = /^[^\p{Cc}]*$/u;
const NO_CONTROL_CHARACTER_BUT_BREAKS = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

/**
 * Typed text parsed by its rule: trimmed, a single line's tabs and line breaks read as spaces before its
 * length is counted (in characters as a person counts them, an emoji one), then held to the rule's lengths; any other control character is refused.
 */
export function typedTextSchema(rule: TypedTextRule) {
  const text = rule.lines === 'one' ? z.string().overwrite(onOneLine).trim() : z.string().trim();
  return text
    .refine((t) => charactersIn(t) >= rule.least, rule.tooShort)
    .refine((t) => charactersIn(t) <= rule.most, `must be at most ${rule.most.toLocaleString('en-GB')} characters`)
    .regex(
      rule.lines === 'one' ? NO_CONTROL_CHARACTER : NO_CONTROL_CHARACTER_BUT_BREAKS,
      'cannot contain control characters',
    );
}
