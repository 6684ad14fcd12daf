import { ACCOUNT_SUMMARY_PROPERTY } from '../../src/contracts/account-summary.ts';
import type { CardData } from '../../src/contracts/card-data.ts';
import type { CardSectionName } from '../../src/contracts/card-sections.ts';
import type { FunctionResult } from '../../src/contracts/registry.ts';
import { USER_SESSION_HEADER } from '../../sandbox/http/auth.ts';
import { main as cardSection } from '../../src/app/functions/card_section.ts';
import type { AppFunction } from '../../src/app/functions/define-function.ts';
import { main as logReview } from '../../src/app/functions/log_review.ts';
import { main as recordContactStance } from '../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlan } from '../../src/app/functions/save_account_plan.ts';
import { SAVED_FROM, type PlannedView, type SaveKind } from './busy-hour.ts';
import { callLedger, SETTLE_MS, type CallTally } from './call-ledger.ts';
import { asChild } from './child-process.ts';
import { HOUR_START } from './firm.ts';
import { prepareKeystone } from './keystone-process.ts';
import { watchLoad } from './lag.ts';
import type { Go, InvocationKind, InvocationRecord, Ready, UsersDone, UsersInit } from './messages.ts';
import { planSave, reviewSave, stanceSave } from './saves.ts';
import { runKeystoneOnClock, scaledClock, type ScaledClock } from './scaled-clock.ts';

// The users' cards, for the busy hour: each planned view opens the sidebar card, which reads the
// company's stored Keystone properties in the user's own HubSpot session (the CRM data hook: no app
// call); maybe the Key account tab, which loads Status (card_section) and each other section the user
// opens; maybe saves from a section, then reloads the sections the save changed and the sidebar. Each
// function call is an invocation of Keystone's function as HubSpot would make it, timed and counted.

/** The sections an action in a section changes, as the tab reloads them (src/app/cards/account/account.ts). */
const CHANGED_BY: Record<Exclude<CardSectionName, 'status'>, readonly CardSectionName[]> = {
  relationships: ['relationships', 'plan', 'reviews'],
  plan: ['plan', 'reviews'],
  reviews: ['reviews'],
};

asChild('users', async (parent) => {
  const init = await parent.next<UsersInit>('init');
  await prepareKeystone(init, HOUR_START);
  parent.send<Ready>({ type: 'ready' });
  const clock = scaledClock((await parent.next<Go>('go')).clock);
  runKeystoneOnClock(clock);
  const watch = watchLoad(clock.setting.speed);
  const cards = usersCards(clock, { portalId: init.portalId, baseUrl: init.baseUrl });
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

function usersCards(clock: ScaledClock, { portalId, baseUrl }: { portalId: number; baseUrl: string }) {
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

  /** The sidebar: the company's stored properties, read in the user's session as HubSpot's CRM data hook reads them. */
  const sidebar = async (view: PlannedView, kind: 'sidebar' | 'sidebar reload'): Promise<void> => {
    const opened = clock.elapsed();
    const read = async () => {
      const query = new URLSearchParams({ properties: Object.values(ACCOUNT_SUMMARY_PROPERTY).join(',') });
      const response = await fetch(`${baseUrl}/crm/v3/objects/companies/${view.companyId}?${query}`, {
        headers: { [USER_SESSION_HEADER]: String(view.userId) },
      });
      await response.arrayBuffer();
      return response.status;
    };
    const { result: status, tally } = await ledger.track(read);
    const code = status === 200 ? null : `HTTP ${status}`;
    played.push({ record: { view: view.id, kind, opened, answered: clock.elapsed(), ok: code === null, code }, tally });
  };

  // As the tab does, each section sends the session the latest answer handed it (src/app/cards/account/account.ts).
  const sessions = new Map<number, string>();
  const section = async (view: PlannedView, name: CardSectionName, reload = false) => {
    const session = sessions.get(view.id);
    const answer = await invoke(view, reload ? 'section reload' : `tab: ${name}`, cardSection, {
      companyId: view.companyId,
      userId: view.userId,
      portalId,
      section: name,
      ...(session ? { session } : {}),
    });
    if (answer.status === 'ok') sessions.set(view.id, answer.session);
    return answer;
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
      const sidebarLoad = sidebar(view, 'sidebar');
      if (view.tabAt !== null) {
        await clock.until(view.tabAt);
        const status = await section(view, 'status');
        const opened: CardSectionName[] = ['status'];
        const answers = new Map<CardSectionName, object>();
        if (status.status === 'ok') answers.set('status', status);
        await Promise.all(
          view.sections.map(async ({ section: name, at }) => {
            await clock.until(at);
            opened.push(name);
            const answer = await section(view, name);
            if (answer.status === 'ok') answers.set(name, answer);
          }),
        );
        const from = view.save ? SAVED_FROM[view.save.kind] : null;
        const shown = from ? answers.get(from) : undefined;
        if (view.save && from && shown) {
          await clock.until(view.save.at);
          // The save functions take what the section showed; card_data's shape holds every section's part.
          const saved = await save(view, view.save.kind, shown as CardData);
          // A save that stood: the tab reloads what it changed, and tells HubSpot the record changed, so the sidebar reads it again.
          if (saved?.status === 'ok')
            await Promise.all([
              ...CHANGED_BY[from].filter((s) => opened.includes(s)).map((s) => section(view, s, true)),
              sidebar(view, 'sidebar reload'),
            ]);
        }
      }
      await sidebarLoad;
      sessions.delete(view.id);
    },
    /** Read once every call has settled: a call the client retries after its invocation failed still counts. */
    invocations: (): InvocationRecord[] => played.map(({ record, tally }) => ({ ...record, ...tally })),
  };
}
