import type { AppFunction, Invocation } from '../src/app/functions/define-function.ts';

// The one clock of a test file: the sandbox portal it starts stamps records with it, the app
// functions it calls take their `now` from it, and its fixtures are built from it. So no test
// depends on the day it runs, and time moves only when a test moves it.

/** Where every test clock starts unless the file sets its own: a Friday in the year's last quarter. */
export const TEST_NOW = Date.parse('2026-11-20T12:00:00.000Z');

export interface TestClock {
  /** The current instant (epoch ms). */
  readonly now: () => number;
  set(at: number): void;
  advance(ms: number): void;
}

export function createTestClock(start = TEST_NOW): TestClock {
  let at = start;
  return {
    now: () => at,
    set(next) {
      at = next;
    },
    advance(ms) {
      at += ms;
    },
  };
}

/** This file's clock. Vitest loads each test file's modules afresh, so files never share it. */
export const testClock = createTestClock();

/** An app function as the tests call it: on this file's clock. */
export function onTestClock<Payload extends object>(fn: AppFunction<Payload>): Invocation<Payload> {
  return fn.onClock(testClock.now);
}
