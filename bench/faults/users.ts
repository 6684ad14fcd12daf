import { main as logReview } from '../../src/app/functions/log_review.ts';
import { main as recordContactDeparture } from '../../src/app/functions/record_contact_departure.ts';
import { main as recordContactStance } from '../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlan } from '../../src/app/functions/save_account_plan.ts';
import { main as saveSettings } from '../../src/app/functions/save_settings.ts';
import { main as tagKeyAccount } from '../../src/app/functions/tag_key_account.ts';
import { main as untagKeyAccount } from '../../src/app/functions/untag_key_account.ts';
import type { FunctionName, Intent } from './intents.ts';

// A user carrying out an intent through the app function, as the card or the settings page calls it:
// when the answer says to try again (HubSpot busy or not answering, a change saved only in part,
// Keystone failing), they do, up to twice, with the same request.

/** What the user was told; a status change's answer also says what the status was before. */
export type Answer =
  | { status: 'ok'; previousStatus: string | null }
  | { status: 'error'; code: string; message: string };

export interface IntentRecord {
  intent: Intent;
  answers: Answer[];
}

interface Answered {
  status: string;
  code?: string;
  message?: string;
  previousStatus?: string;
}
type Invoke = (clock: () => number) => (context: { parameters: unknown }) => Promise<Answered>;

const FUNCTIONS: Record<FunctionName, Invoke> = {
  save_account_plan: saveAccountPlan.onClock,
  log_review: logReview.onClock,
  tag_key_account: tagKeyAccount.onClock,
  untag_key_account: untagKeyAccount.onClock,
  record_contact_stance: recordContactStance.onClock,
  record_contact_departure: recordContactDeparture.onClock,
  save_settings: saveSettings.onClock,
};

/** The codes whose message asks the user to try again. */
const TRY_AGAIN: ReadonlySet<string> = new Set([
  'KAM.HUBSPOT_UNAVAILABLE',
  'KAM.HUBSPOT_RATE_LIMITED',
  'KAM.HUBSPOT_PARTIAL_FAILURE',
  'KAM.INTERNAL',
]);
const RETRIES = 2;
// About as long as it takes to read the message and press the button again.
const PAUSE_MS = 300;

export async function carryOut(intent: Intent, clock: () => number): Promise<IntentRecord> {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    const answer = await once(intent, clock);
    answers.push(answer);
    if (answer.status === 'ok' || !TRY_AGAIN.has(answer.code)) break;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return { intent, answers };
}

/** One call, whatever it answers. */
export async function once(intent: Intent, clock: () => number): Promise<Answer> {
  const answer = await FUNCTIONS[intent.fn](clock)({ parameters: intent.parameters });
  return answer.status === 'ok'
    ? { status: 'ok', previousStatus: answer.previousStatus ?? null }
    : { status: 'error', code: answer.code ?? 'unknown', message: answer.message ?? '' };
}
