import { main as recalculatePortfolio } from '../../src/app/functions/recalculate_portfolio.ts';
import { SLICE_RETRY_AFTER_MS, TRANSIENT_SLICE_FAILURES } from '../../src/app/settings/use-recalculation.ts';
import { callLedger, SETTLE_MS, type CallTally } from './call-ledger.ts';
import { asChild } from './child-process.ts';
import { HOUR_START } from './firm.ts';
import { prepareKeystone } from './keystone-process.ts';
import { watchLoad } from './lag.ts';
import type { Go, Ready, RecalculationDone, RecalculationInit, SliceRecord } from './messages.ts';
import { runKeystoneOnClock, scaledClock } from './scaled-clock.ts';

// The admin's portfolio recalculation, for the busy hour: recalculate_portfolio slice by slice as the
// settings page drives it (each answer's cursor into the next call, waiting as long as an interrupted
// slice asks). An error ends the page's run; the admin starts it again, from the first company, half a
// minute later. It stops at the end of the played part of the hour.

const ADMIN_RETRIES_AFTER_MS = 30_000;

asChild('recalculation', async (parent) => {
  const init = await parent.next<RecalculationInit>('init');
  const { adminUserId, timeBudgetMs, endsAt, started } = init;
  await prepareKeystone(init, HOUR_START);
  parent.send<Ready>({ type: 'ready' });
  const clock = scaledClock((await parent.next<Go>('go')).clock);
  runKeystoneOnClock(clock);
  const watch = watchLoad(clock.setting.speed);
  const ledger = callLedger(clock.elapsed);
  await clock.until(0);
  const slice = recalculatePortfolio.onClock(() => Math.round(clock.now()));
  const slices: Array<{ record: Omit<SliceRecord, keyof CallTally>; tally: CallTally }> = [];
  let run = 1;
  let cursor: string | null = null;
  while (started && clock.elapsed() < endsAt) {
    const opened = clock.elapsed();
    const { result, tally } = await ledger.track(() =>
      slice({ parameters: { userId: adminUserId, cursor, timeBudgetMs } }),
    );
    const answered = clock.elapsed();
    if (result.status !== 'ok') {
      slices.push({
        record: {
          run,
          opened,
          answered,
          ok: false,
          code: result.code,
          stage: null,
          processed: 0,
          total: null,
          done: false,
          interruptedBy: null,
        },
        tally,
      });
      // As the settings page does: a slice HubSpot refused before it began is sent again with the same
      // cursor; any other failure ends the run, and the admin starts it again.
      if (TRANSIENT_SLICE_FAILURES.includes(result.code)) {
        await clock.sleep(SLICE_RETRY_AFTER_MS);
        continue;
      }
      [run, cursor] = [run + 1, null];
      await clock.sleep(ADMIN_RETRIES_AFTER_MS);
      continue;
    }
    slices.push({
      record: {
        run,
        opened,
        answered,
        ok: true,
        code: null,
        stage: result.stage,
        processed: result.processed,
        total: result.total,
        done: result.done,
        interruptedBy: result.interruptedBy,
      },
      tally,
    });
    if (result.done) break;
    cursor = result.cursor ?? cursor;
    if (result.interruptedBy) await clock.sleep(result.retryAfterMs ?? 1_000);
  }
  // A page listed ahead of a slice that stopped may still be on its way: its call counts too.
  await clock.sleep(SETTLE_MS);
  parent.send<RecalculationDone>({
    type: 'done',
    slices: slices.map(({ record, tally }) => ({ ...record, ...tally })),
    windows: ledger.windows,
    load: watch.load(),
  });
});
