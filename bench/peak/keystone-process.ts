import { main as cardData } from '../../src/app/functions/card_data.ts';
import type { KeystoneInit } from './messages.ts';

// What a process that runs Keystone's functions does before the hour: point them at the sandbox, as
// HubSpot's runtime gives a function its base URL and token, and warm them with one card_data (in a
// busy hour HubSpot's function containers are warm: loading and compiling the code is not part of it).

export const PRIVATE_APP_TOKEN = 'peak-hour';

export async function prepareKeystone({ baseUrl, portalId, warmUp }: KeystoneInit, hourStart: number): Promise<void> {
  process.env.HUBSPOT_API_BASE_URL = baseUrl;
  process.env.PRIVATE_APP_ACCESS_TOKEN = PRIVATE_APP_TOKEN;
  const answer = await cardData.onClock(() => hourStart)({ parameters: { ...warmUp, portalId } });
  if (answer.status !== 'ok')
    throw new Error(`Keystone could not warm up on company ${warmUp.companyId}: ${answer.code} ${answer.message}`);
}
