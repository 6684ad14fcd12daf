import { main as cardSection } from '../../src/app/functions/card_section.ts';
import type { KeystoneInit } from './messages.ts';

// What a process that runs Keystone's functions does before the hour: point them at the sandbox, as
// HubSpot's runtime gives a function its base URL and token, and warm them with one card_section (in a
// busy hour HubSpot's function containers are warm: loading and compiling the code is not part of it).

export const PRIVATE_APP_TOKEN = 'peak-hour';

export async function prepareKeystone({ baseUrl, portalId, warmUp }: KeystoneInit, hourStart: number): Promise<void> {
  process.env.HUBSPOT_API_BASE_URL = baseUrl;
  process.env.PRIVATE_APP_ACCESS_TOKEN = PRIVATE_APP_TOKEN;
  const answer = await cardSection.onClock(() => hourStart)({ parameters: { ...warmUp, portalId, section: 'status' } });
  if (answer.status !== 'ok')
    throw new Error(`Keystone could not warm up on company ${warmUp.companyId}: ${answer.code} ${answer.message}`);
}
