// Dates in what Keystone writes for people to read in HubSpot (timeline notes, record titles): the day as
// the portal's users see it, in the portal's time zone, the way the cards show dates ("7 Dec 2026").

/** The day of `at` in `timeZone` (UTC while the portal's zone is unknown or not one the runtime knows). */
export function dayInWords(at: number, timeZone: string | null): string {
  return inZoneOrUtc(timeZone, (zone) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(at),
  );
}

/** The moment of `at` in `timeZone`, to the minute and naming the zone: "8 Dec 2026 at 01:44 GMT". */
export function momentInWords(at: number, timeZone: string | null): string {
  const words = (zone: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
      timeZone: zone,
    }).formatToParts(at);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${dayInWords(at, zone)} at ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
  };
  return inZoneOrUtc(timeZone, words);
}

/** Words for a moment in the portal's zone, or in UTC while that zone is unknown or not one the runtime knows. */
function inZoneOrUtc(timeZone: string | null, words: (zone: string) => string): string {
  try {
    return words(timeZone ?? 'UTC');
  } catch {
    return words('UTC');
  }
}
