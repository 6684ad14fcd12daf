import { main as recalculatePortfolio } from '../../src/app/functions/recalculate_portfolio.ts';
import type { RecalculationOutcome, RecalculationRequest } from './recalculation.ts';

// Portfolio recalculation as the settings page drives it, slice after slice until done; an admin whose
// run stopped on an error starts it again. It runs in a process of its own, as in HubSpot: HubSpot's
// client keeps its retry settings for the whole process (the last client built decides), and
// recalculation builds its client with a single attempt, which beside the cards' functions in one
// process would take their retries away. Bounded: at most MAX_SLICES calls, MAX_RESTARTS fresh starts.

const MAX_SLICES = 16;
const MAX_RESTARTS = 4;
// The wait a slice asks for after a 429 or an outage lets HubSpot's window drain; the sandbox's faults
// do not need it, and the benchmark's rounds stay short.
const MAX_WAIT_MS = 500;

async function recalculate({ userId, now }: RecalculationRequest): Promise<RecalculationOutcome> {
  const invoke = recalculatePortfolio.onClock(() => now);
  const outcome: RecalculationOutcome = { slices: 0, interrupted: 0, failed: 0, done: false };
  let cursor: string | null = null;
  while (outcome.slices < MAX_SLICES && !outcome.done) {
    outcome.slices++;
    const slice = await invoke({ parameters: { userId, cursor } });
    if (slice.status === 'error') {
      outcome.failed++;
      if (outcome.failed > MAX_RESTARTS) break;
      cursor = null;
      continue;
    }
    outcome.done = slice.done;
    if (slice.interruptedBy) {
      outcome.interrupted++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(slice.retryAfterMs ?? 1_000, MAX_WAIT_MS)));
    }
    cursor = slice.cursor ?? cursor;
  }
  return outcome;
}

process.on('message', (request: RecalculationRequest) => {
  void recalculate(request).then((outcome) => process.send?.(outcome));
});
