import type { CardData } from '../../src/contracts/card-data.ts';
import type { FunctionResult } from '../../src/contracts/registry.ts';
import { main as cardData } from '../../src/app/functions/card_data.ts';
import type { AppFunction } from '../../src/app/functions/define-function.ts';
import { main as logReview } from '../../src/app/functions/log_review.ts';
import { main as recordContactStance } from '../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlan } from '../../src/app/functions/save_account_plan.ts';
import type { PlannedView, SaveKind } from './busy-hour.ts';
import { callLedger, SETTLE_MS, type CallTally } from './call-ledger.ts';
import { asChild } from './child-process.ts';
import { HOUR_START } from './firm.ts';
import { prepareKeystone } from './keystone-process.ts';
import { watchLoad } from './lag.ts';
import type { Go, InvocationKind, InvocationRecord, Ready, UsersDone, UsersInit } from './messages.ts';
import { planSave, reviewSave, stanceSave } from './saves.ts';
import { runKeystoneOnClock, scaledClock, type ScaledClock } from './scaled-clock.ts';

// The users' cards, for the busy hour: each planned view opens the sidebar card (card_data), maybe
// the Key account tab (card_data again), maybe saves from it and reloads both cards, each call an
// invocation of Keystone's function as HubSpot would make it, timed and counted.

asChild('users', async (parent) => {
  const init = await parent.next<UsersInit>('init');
  await prepareKeystone(init, HOUR_START);
  parent.send<Ready>({ type: 'ready' });
  const clock = scaledClock((await parent.next<Go>('go')).clock);
  runKeystoneOnClock(clock);
  const watch = watchLoad(clock.setting.speed);
  const cards = usersCards(clock, init.portalId);
  await Promise.all(
    init.views.map(async (view) => {
      await clock.until(view.at);
      await cards.play(view);
    }),
  );
  await clock.sleep(SETTLE_MS);
  parent.send<UsersDone>({
    type: 'done',
    invocations: cards.invocations(),
    windows: cards.windows,
    load: watch.load(),
  });
});

function usersCards(clock: ScaledClock, portalId: number) {
  const ledger = callLedger(clock.elapsed);
  const played: Array<{ record: Omit<InvocationRecord, keyof CallTally>; tally: CallTally }> = [];
  const now = () => Math.round(clock.now());

  const invoke = async <P extends object>(
    view: PlannedView,
    kind: InvocationKind,
    fn: AppFunction<P>,
    parameters: object,
  ): Promise<FunctionResult<P>> => {
    const opened = clock.elapsed();
    const { result, tally } = await ledger.track(() => fn.onClock(now)({ parameters }));
    const code = result.status === 'ok' ? null : result.code;
    played.push({ record: { view: view.id, kind, opened, answered: clock.elapsed(), ok: code === null, code }, tally });
    return result;
  };

  const save = (view: PlannedView, kind: SaveKind, data: CardData) => {
    const caller = { userId: view.userId, companyId: view.companyId };
    if (kind === 'plan') return invoke(view, 'plan', saveAccountPlan, planSave(data, caller));
    if (kind === 'review') return invoke(view, 'review', logReview, reviewSave(caller));
    const stance = stanceSave(data, caller, view.id);
    return stance ? invoke(view, 'stance', recordContactStance, stance) : null;
  };

  return {
    windows: ledger.windows,
    async play(view: PlannedView): Promise<void> {
      const card = { companyId: view.companyId, userId: view.userId, portalId };
      const sidebar = invoke(view, 'sidebar', cardData, card);
      if (view.tabAt !== null) {
        await clock.until(view.tabAt);
        const tab = await invoke(view, 'tab', cardData, card);
        if (view.save && tab.status === 'ok') {
          await clock.until(view.save.at);
          const saved = await save(view, view.save.kind, tab);
          // A save that stood: the tab reloads, and tells HubSpot the record changed, so the sidebar reloads too.
          if (saved?.status === 'ok')
            await Promise.all([
              invoke(view, 'tab reload', cardData, card),
              invoke(view, 'sidebar reload', cardData, card),
            ]);
        }
      }
      await sidebar;
    },
    /** Read once every call has settled: a call the client retries after its invocation failed still counts. */
    invocations: (): InvocationRecord[] => played.map(({ record, tally }) => ({ ...record, ...tally })),
  };
}
