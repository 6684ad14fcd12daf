import type { Route } from '../http/router.ts';
import type { ApiContext } from './context.ts';

// /account-info/v3/details: the portal's id, time zone and company currency, as the account
// information API answers them. The offset is the time zone's at the server's "now", so it follows
// daylight saving as HubSpot's does.

export const accountInfoRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/account-info/v3/details',
    handle(_, context) {
      const { portalId, timeZone, currency } = context.store.portal;
      const offsetMinutes = utcOffsetMinutes(timeZone, context.now());
      return {
        status: 200,
        body: {
          portalId,
          accountType: 'STANDARD',
          timeZone,
          companyCurrency: currency,
          additionalCurrencies: [],
          utcOffset: formatOffset(offsetMinutes),
          utcOffsetMilliseconds: offsetMinutes * 60_000,
          uiDomain: 'app.hubspot.com',
          dataHostingLocation: 'na1',
        },
      };
    },
  },
];

/** Minutes ahead of UTC in an IANA time zone at an instant ("GMT+05:30" → 330). */
export function utcOffsetMinutes(timeZone: string, at: number): number {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    throw new Error(`The portal's time zone "${timeZone}" is not an IANA time zone`);
  }
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Cannot read the UTC offset of time zone "${timeZone}" from "${name}"`);
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** "+01:00", "-05:00", "+00:00". */
function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
