/** Items in a sentence: "Ann", "Ann and Bob", "Ann, Bob and Cy". Free of imports, so every screen can bundle it. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
