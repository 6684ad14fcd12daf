import { useCallback, useEffect, useRef, useState } from 'react';
import {
  callFunction,
  fieldMarks,
  sameAt,
  standingFailure,
  type FunctionFailure,
  type FunctionOutcome,
  type ServerlessRunner,
} from './function-call.ts';

// Async screen state as one union, so a screen cannot show data and an error at once.
export type FunctionState<Ok> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; answer: Ok }
  | { status: 'error'; failure: FunctionFailure };

export interface FunctionQuery<Ok> {
  state: FunctionState<Ok>;
  /** Calls the function again, e.g. after a retry or after an action changed what it reads. */
  reload: () => void;
}

/**
 * Loads on mount and whenever `parameters` change (compared as JSON). Only the latest call may
 * update the screen: an answer that arrives after a newer call started, or after unmount, is dropped.
 * A reload with the same parameters keeps the current answer on screen until the new one arrives,
 * so a card refreshed after a save keeps its open tab instead of flashing a spinner.
 */
export function useFunctionQuery<Ok extends { status: 'ok' }>(
  runner: ServerlessRunner,
  uid: string,
  {
    parameters,
    alongside = NO_MORE,
  }: {
    parameters: object;
    /**
     * Parameters taken afresh at each call that do not, by changing, call again (what an earlier
     * answer handed over). Must be stable across renders, as a useCallback is.
     */
    alongside?: () => object;
  },
): FunctionQuery<Ok> {
  const [state, setState] = useState<FunctionState<Ok>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([uid, parameters]);
  const latest = useRef(0);
  const answeredKey = useRef<string | null>(null);

  useEffect(() => {
    const call = ++latest.current;
    if (answeredKey.current !== key) setState({ status: 'loading' });
    const [, sent] = JSON.parse(key) as [string, object];
    void callFunction<Ok>(runner, uid, { ...alongside(), ...sent }).then((outcome) => {
      if (call !== latest.current) return;
      answeredKey.current = outcome.ok ? key : null;
      setState(toState(outcome));
    });
    // An answer that arrives after the screen moved on (or unmounted) is dropped: `latest` is a
    // counter of calls, not a DOM ref, so bumping it in the cleanup is what cancels.
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latest.current++;
    };
  }, [runner, uid, key, generation, alongside]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}

const NO_MORE = () => ({});

export interface FunctionAction<Params, Ok> {
  state: FunctionState<Ok>;
  run: (parameters: Params) => Promise<FunctionOutcome<Ok>>;
  /** Back to idle, e.g. when the user dismisses an error or closes a form. */
  reset: () => void;
}

/** A call the user starts (save, tag, run setup). Overlapping runs: only the latest one's result is shown. */
export function useFunctionAction<Params extends object, Ok extends { status: 'ok' }>(
  runner: ServerlessRunner,
  uid: string,
): FunctionAction<Params, Ok> {
  const [state, setState] = useState<FunctionState<Ok>>({ status: 'idle' });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (parameters: Params) => {
      const call = ++latest.current;
      setState({ status: 'loading' });
      const outcome = await callFunction<Ok>(runner, uid, parameters);
      if (mounted.current && call === latest.current) setState(toState(outcome));
      return outcome;
    },
    [runner, uid],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);
  return { state, run, reset };
}

function toState<Ok>(outcome: FunctionOutcome<Ok>): FunctionState<Ok> {
  return outcome.ok ? { status: 'success', answer: outcome.answer } : { status: 'error', failure: outcome.failure };
}

/**
 * What a form shows of its action's refusal: only the problems of fields that still hold what was sent
 * (`current` is what the form would send now, `sending` records what it does send), and the marks that
 * put each beside its field.
 */
export function useStandingRefusal(state: FunctionState<unknown>, current: object) {
  const [sent, sending] = useState<object | null>(null);
  const failure = standingFailure(
    state.status === 'error' ? state.failure : null,
    (path) => sent !== null && sameAt(path, sent, current),
  );
  return { failure, marks: fieldMarks(failure), sending };
}
