import { useCallback, useRef } from 'react';

// One press of a write's button is one action, and its id goes with the write. Pressing again with the
// same input (after an error, or after the answer never came) sends the same id, so the function
// completes that write instead of making it twice or calling the earlier attempt "someone else". Changed
// input, or a write that was answered as saved, starts a new action.

export interface ActionIds {
  /** The action id for a write of `input`. */
  idFor: (input: object) => string;
  /** The write was saved: the next press is a new action, even with the same input. */
  saved: () => void;
}

export function useActionId(): ActionIds {
  const current = useRef<{ input: string; id: string } | null>(null);
  const idFor = useCallback((input: object) => {
    const key = JSON.stringify(input);
    if (current.current?.input !== key) current.current = { input: key, id: globalThis.crypto.randomUUID() };
    return current.current.id;
  }, []);
  const saved = useCallback(() => {
    current.current = null;
  }, []);
  return { idFor, saved };
}
