// A plan's metrics and objectives are told apart by their names: in the grid, the chart's picker, the
// review trigger that names an objective achieved and the HubSpot task each objective becomes. Free of
// zod, so the plan editor refuses a repeated name in the words save_account_plan does.

/** A name as people read it, whatever its capitals or spacing. */
const asRead = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The positions of the names that repeat one before them; an empty name is left to the rule that asks for one. */
export function repeatedNames(names: readonly string[]): number[] {
  const seen = new Set<string>();
  return names.flatMap((name, i) => {
    const read = asRead(name);
    if (read === '') return [];
    if (seen.has(read)) return [i];
    seen.add(read);
    return [];
  });
}

export const REPEATED_METRIC_NAME = 'a metric above has this name: give each metric its own';
export const REPEATED_OBJECTIVE_TITLE = 'an objective above has this title: give each objective its own';
