import type { CardSectionName } from '../../src/contracts/card-sections.ts';
import { createRandom, type Random } from '../../sandbox/demo/random.ts';
import type { Cast } from './firm.ts';
import type { PeakOptions } from './options.ts';

// The users' busy hour, drawn before it is played so every run of the same options plays the same one.
//
// - Each user opens `views` company records at even random moments of the hour. The sidebar card
//   loads with the record; a share of views (`tabShare`) opens the Key account tab 2 to 15 s later.
// - Views land on companies in proportion to the square root of their fees (a prospect counts as
//   £5,000): big clients are looked at most, small ones still are. Three views in five go to the
//   user's own companies when they own any (account managers own the key accounts, sales the rest).
// - The tab opens on Status; a user goes on to Relationships on one tab in three, the Plan on one in
//   four and Reviews on one in five, 3 to 20 s after the tab (each section loads when it is opened). A
//   save opens the section it is made from first (stances on Relationships).
// - Managers (the partners who run the programme and the Key Account Managers team) who open the tab
//   on a key account sometimes save from it, 30 s to 3 min later: a contact's stance on one view in
//   ten, the plan on one in thirty, a review on one in fifty. A save that stands reloads the tab and
//   the sidebar, as the cards do.

export type SaveKind = 'stance' | 'plan' | 'review';

export interface PlannedView {
  id: number;
  userId: number;
  companyId: string;
  key: boolean;
  /** Milliseconds into the hour the record opens (the sidebar card loads). */
  at: number;
  /** When the Key account tab is opened; null when it is not. */
  tabAt: number | null;
  /** The tab's other sections the user opens, and when (after the tab). */
  sections: Array<{ section: Exclude<CardSectionName, 'status'>; at: number }>;
  save: { kind: SaveKind; at: number } | null;
}

/** The section each kind of save is made from. */
export const SAVED_FROM = { stance: 'relationships', plan: 'plan', review: 'reviews' } as const satisfies Record<
  SaveKind,
  Exclude<CardSectionName, 'status'>
>;

export const HOUR_MS = 3_600_000;
const TAB_AFTER_S = [2, 15] as const;
const SAVE_AFTER_S = [30, 180] as const;
const SECTION_AFTER_S = [3, 20] as const;
const SECTIONS_OPENED = [
  ['relationships', 1 / 3],
  ['plan', 1 / 4],
  ['reviews', 1 / 5],
] as const;
const OWN_COMPANIES = 0.6;
const PROSPECT_FEES = 5_000;
const SAVES: ReadonlyArray<readonly [SaveKind | null, number]> = [
  ['stance', 1 / 10],
  ['plan', 1 / 30],
  ['review', 1 / 50],
  [null, 1 - 1 / 10 - 1 / 30 - 1 / 50],
];

/** The views that open in the first `minutes` of the hour, in the order they open. */
export function planBusyHour(
  cast: Cast,
  options: Pick<PeakOptions, 'users' | 'views' | 'tabShare' | 'minutes' | 'seed'>,
): PlannedView[] {
  if (options.users > cast.people.length)
    throw new Error(`peak: the firm has ${cast.people.length} people, not ${options.users} users`);
  const random = createRandom(options.seed).fork('busy hour');
  const users = random.shuffled(cast.people).slice(0, options.users);
  const { id, fees, ownerId, key } = cast.companies;
  const weights = fees.map((f) => Math.sqrt(f > 0 ? f : PROSPECT_FEES));
  const anywhere = weightedPicker(
    id.map((_, i) => i),
    weights,
  );
  const books = new Map<string, number[]>();
  ownerId.forEach((owner, i) => {
    const book = books.get(owner);
    if (book) book.push(i);
    else books.set(owner, [i]);
  });

  const end = options.minutes * 60_000;
  const views: PlannedView[] = [];
  for (const user of users) {
    const book = books.get(user.ownerId);
    const own = book
      ? weightedPicker(
          book,
          book.map((i) => weights[i]!),
        )
      : null;
    for (let v = 0; v < options.views; v++) {
      const at = Math.floor(random.next() * HOUR_MS);
      const company = own && random.chance(OWN_COMPANIES) ? own(random) : anywhere(random);
      const tabAt = random.chance(options.tabShare) ? at + random.int(TAB_AFTER_S[0], TAB_AFTER_S[1]) * 1_000 : null;
      const saveKind = tabAt !== null && user.manager && key[company] ? random.weighted(SAVES) : null;
      const save =
        saveKind && tabAt !== null
          ? { kind: saveKind, at: tabAt + random.int(SAVE_AFTER_S[0], SAVE_AFTER_S[1]) * 1_000 }
          : null;
      // Drawn after the rest, so the views, tabs and saves stay those of the same options before sections were drawn.
      const sections =
        tabAt === null
          ? []
          : SECTIONS_OPENED.flatMap(([section, share]) => {
              const opened = random.chance(share) || (save !== null && SAVED_FROM[save.kind] === section);
              const after = random.int(SECTION_AFTER_S[0], SECTION_AFTER_S[1]) * 1_000;
              return opened ? [{ section, at: tabAt + after }] : [];
            });
      if (at < end)
        views.push({
          id: 0,
          userId: user.userId,
          companyId: id[company]!,
          key: key[company]!,
          at,
          tabAt,
          sections,
          save,
        });
    }
  }
  return views.sort((a, b) => a.at - b.at).map((view, i) => ({ ...view, id: i }));
}

/** Picks one of `items` with chance proportional to its weight (binary search over the running total). */
function weightedPicker(items: readonly number[], weights: readonly number[]): (random: Random) => number {
  const totals: number[] = [];
  let sum = 0;
  for (const w of weights) totals.push((sum += w));
  return (random) => {
    const roll = random.next() * sum;
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (totals[mid]! > roll) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  };
}
