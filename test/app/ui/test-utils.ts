// Shared fixtures for the card and settings page tests: factories with overrides, one place.

/** A promise the test settles by hand, to control when a function answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Matches a rendered element by its whole text, e.g. `find(Button, withText('Save'))`. */
export const withText =
  (text: string) =>
  (node: { text: string | null }): boolean =>
    node.text === text;
