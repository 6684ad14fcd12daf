import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { functionEntries } from '../../scripts/build-functions.ts';
import { readProject, REPOSITORY_ROOT } from '../../scripts/project.ts';
import { defineFunction } from '../../src/app/functions/define-function.ts';
import type { FunctionOutcome } from '../../src/app/ui/function-call.ts';
import type { Answer, KeystoneUi } from '../../src/app/ui/keystone-ui.tsx';
import type { FunctionState } from '../../src/app/ui/use-function.ts';
import { cardDataParametersSchema, type CardData } from '../../src/contracts/card-data.ts';
import type { FunctionUid, KeystoneFunctions } from '../../src/contracts/registry.ts';
import type { SavedPlan } from '../../src/contracts/save-account-plan.ts';

// The registry at the type level: `npm run typecheck` compiles this file, and each @ts-expect-error
// below must be an error, so a screen or a function that pairs a uid with another function's
// parameters or answer fails to compile. Run, it checks the registry names the functions the
// project declares.

declare const ui: KeystoneUi;
const caller = { userId: 1, companyId: '2' };

// Never called: only compiled.
export function screensCallThroughTheRegistry() {
  const { state } = ui.useFunctionQuery('card_data', { ...caller, portalId: 3 });
  expectTypeOf(state).toEqualTypeOf<FunctionState<Answer<'card_data'>>>();
  if (state.status === 'success') expectTypeOf(state.answer.plan.revision).toEqualTypeOf<number>();

  // @ts-expect-error card_data answers the card's data, not a saved plan
  const wrong: FunctionState<Answer<'save_account_plan'>> = ui.useFunctionQuery('card_data', caller).state;
  // @ts-expect-error card_data needs the company
  ui.useFunctionQuery('card_data', { userId: 1 });
  // @ts-expect-error there is no function by that uid
  ui.useFunctionQuery('card_dta', caller);

  const save = ui.useFunctionAction('save_account_plan');
  // @ts-expect-error saving a plan needs the revision it was edited from, and the plan
  void save.run(caller);
  const saved: Promise<FunctionOutcome<Answer<'save_account_plan'>>> = ui.callFunction('save_account_plan', {
    ...caller,
    baseRevision: 0,
    plan: { businessObjective: '', team: {}, objectives: [], quarterlyTargets: { fiscalYear: 2026, rows: [] } },
  });
  expectTypeOf<Answer<'save_account_plan'>>().toEqualTypeOf<{ status: 'ok' } & SavedPlan>();
  return [wrong, saved];
}

// Never called: only compiled.
export function functionsAnswerTheirRegistryPayload() {
  const cardData = {} as CardData;
  defineFunction('card_data', { parameters: cardDataParametersSchema }, async () => cardData);
  // @ts-expect-error card_data must answer CardData, not a saved plan
  defineFunction('card_data', { parameters: cardDataParametersSchema }, async () => ({}) as SavedPlan);
}

const UIDS = [
  'card_data',
  'card_section',
  'tag_key_account',
  'untag_key_account',
  'save_account_plan',
  'record_contact_stance',
  'record_contact_departure',
  'log_review',
  'record_review_event',
  'save_competition',
  'client_satisfaction',
  'get_settings',
  'save_settings',
  'run_setup',
  'recalculate_portfolio',
  'portfolio_facts',
  'portfolio_overview',
] as const;

describe('the function registry', () => {
  it('names every app function the project declares, and no other', () => {
    expectTypeOf<(typeof UIDS)[number]>().toEqualTypeOf<FunctionUid>();
    expectTypeOf<KeystoneFunctions['card_data']['result']>().toEqualTypeOf<CardData>();
    const declared = functionEntries(readProject(REPOSITORY_ROOT).srcDir).map((entry) => entry.uid);
    expect([...declared].sort()).toEqual([...UIDS].sort());
  });

  it('is the only way a screen calls a function', () => {
    const app = join(REPOSITORY_ROOT, 'src/app');
    const files = ['cards', 'settings', 'pages'].flatMap((folder) =>
      readdirSync(join(app, folder), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(app, folder, f)),
    );
    const builders = files.filter((f) => f.endsWith('keystone-ui.ts'));
    expect(builders).toHaveLength(3);
    for (const file of builders)
      expect(readFileSync(file, 'utf8')).toMatch(/const ui: KeystoneUi = createKeystoneUi\(/);
    const bypassing = files.filter(
      (f) => !builders.includes(f) && /serverless|createKeystoneUi/.test(readFileSync(f, 'utf8')),
    );
    expect(bypassing).toEqual([]);
  });
});
