import { asSaved, charactersIn, type TypedListRule, type TypedTextRule } from '../../kam/shared/typed-text.ts';

// Every field of typed text held to the rule its function parses it by (the contracts' typed-text rules):
// the field says the limits, and what breaks them is said beside it while it is typed, so a form does not
// send what the function would refuse for its length.

/** The props that mark a field with its problem, as `fieldMarks` gives them for what a function said. */
type Mark = { error?: true; validationMessage?: string };

/** How a list's items are called ("Topic 2", "at most 20 topics"), and the field's own description of them. */
export interface ListWords {
  one: string;
  many: string;
  describe?: (limits: string) => string;
}

export interface HeldField {
  /** What breaks the rule as typed, in the user's words; null when nothing does. */
  problem: string | null;
  /**
   * The field's description with the limits, and the problem beside it; without one, what `otherwise` marks
   * (what the function said of the field when it refused it).
   */
  props: (otherwise?: () => Mark) => { description: string } & Mark;
}

const NO_MARK = (): Mark => ({});
const figure = (n: number) => n.toLocaleString('en-GB');
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** A rule's limits, as a field's description says them: "at least 3 characters, at most 500". */
function textLimits(rule: TypedTextRule): string {
  return rule.least > 1
    ? `at least ${figure(rule.least)} characters, at most ${figure(rule.most)}`
    : `at most ${figure(rule.most)} characters`;
}

function listLimits(rule: TypedListRule, words: ListWords): string {
  const howMany =
    rule.least > 1
      ? `${figure(rule.least)} to ${figure(rule.most)} ${words.many}`
      : `at most ${figure(rule.most)} ${words.many}`;
  return `${howMany}, each at most ${figure(rule.each.most)} characters`;
}

/** What is wrong with text as typed; nothing while the field is still empty, which its required mark says. */
function textProblem(rule: TypedTextRule, typed: string): string | null {
  if (typed === '') return null;
  const length = charactersIn(asSaved(rule, typed));
  if (length < rule.least)
    return rule.least === 1 ? 'Cannot be only spaces' : `At least ${figure(rule.least)} characters`;
  // How far over, so a pasted text can be cut to fit without counting it by hand.
  if (length > rule.most) return `At most ${figure(rule.most)} characters (${figure(length - rule.most)} over)`;
  return null;
}

/** What is wrong with a list's items: one too many, or one too long. Too few is said when the form is sent. */
function listProblem(rule: TypedListRule, items: readonly string[], words: ListWords): string | null {
  if (items.length > rule.most) return `At most ${figure(rule.most)} ${words.many}`;
  const lengths = items.map((item) => charactersIn(asSaved(rule.each, item)));
  const long = lengths.findIndex((length) => length > rule.each.most);
  if (long === -1) return null;
  const over = figure(lengths[long]! - rule.each.most);
  return `${capitalised(words.one)} ${long + 1}: at most ${figure(rule.each.most)} characters (${over} over)`;
}

function held(problem: string | null, description: string): HeldField {
  return {
    problem,
    props: (otherwise = NO_MARK) => ({
      description,
      ...(problem === null ? otherwise() : { error: true, validationMessage: problem }),
    }),
  };
}

/**
 * A field of typed text held to its rule. `describe` puts the limits into the field's own description
 * ("Goes on the company timeline with your name: at least 3 characters, at most 500."); by default the
 * description is the limits alone.
 */
export function typedField(
  rule: TypedTextRule,
  typed: string,
  describe: (limits: string) => string = capitalised,
): HeldField {
  return held(textProblem(rule, typed), describe(textLimits(rule)));
}

/** A field of several items (topics between semicolons, points one a line) held to its rule, item by item. */
export function typedListField(rule: TypedListRule, items: readonly string[], words: ListWords): HeldField {
  const { describe = capitalised } = words;
  return held(listProblem(rule, items, words), describe(listLimits(rule, words)));
}
