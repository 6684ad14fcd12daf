import type { Client } from '@hubspot/api-client';

// The portal's company currency and time zone, from HubSpot's account-info API. Setup and every
// settings save copy them onto the settings record, so the cards and pages read them from there.

export interface PortalDetails {
  currency: string | null;
  timeZone: string | null;
}

/**
 * Never worth failing a save for: unknown details are null (and leave what the settings record
 * holds); without them the cards fall back to the user's time zone and plain numbers.
 */
export async function readPortalDetails(client: Client): Promise<PortalDetails> {
  try {
    const response = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    if (!response.ok) return { currency: null, timeZone: null };
    const body = (await response.json()) as { companyCurrency?: unknown; timeZone?: unknown };
    return {
      currency:
        typeof body.companyCurrency === 'string' && /^[A-Z]{3}$/.test(body.companyCurrency)
          ? body.companyCurrency
          : null,
      timeZone: typeof body.timeZone === 'string' && body.timeZone !== '' ? body.timeZone : null,
    };
  } catch {
    return { currency: null, timeZone: null };
  }
}
