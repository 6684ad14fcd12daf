// Numbers and dates as people in the portal read them: the portal's currency and time zone,
// the user's locale. Plain Intl, so cards and the settings page share one formatter.

export interface PortalFormat {
  /** BCP 47 tag from the user's HubSpot settings, e.g. `en-GB`. */
  locale: string;
  /** IANA zone of the portal, e.g. `Europe/London`. */
  timeZone: string;
  /** ISO 4217 code of the portal's company currency, e.g. `GBP`. */
  currency: string;
}

export interface Formatters {
  /** Whole currency units: `£1,250,000`. */
  money(amount: number): string;
  /** A share from 0 to 1 as a percentage: `0.375` → `38%`. */
  share(fraction: number): string;
  /** A 0–100 score, rounded: `72`. */
  score(value: number): string;
  /** A calendar date in the portal's time zone: `24 Nov 2026`. */
  date(at: number): string;
  /** Days from `now` to `at`, in words: `in 3 days`, `12 days ago`, `today`. */
  daysFrom(at: number, now: number): string;
}

const DAY_MS = 86_400_000;
const FALLBACK_LOCALE = 'en-US';

export function createFormatters({ locale, timeZone, currency }: PortalFormat): Formatters {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const days = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    money: (amount) => money.format(amount),
    share: (fraction) => share.format(fraction),
    score: (value) => score.format(value),
    date: (at) => date.format(at),
    daysFrom: (at, now) => days.format(calendarDaysBetween(now, at, timeZone), 'day'),
  };
}

/** Locale and time zone come from the extension context; a missing or unknown locale falls back to US English. */
export function portalFormat(context: { user: { locale?: string }; portal: { timezone: string } }, currency: string): PortalFormat {
  const requested = context.user.locale ?? FALLBACK_LOCALE;
  const locale = Intl.NumberFormat.supportedLocalesOf([requested]).length > 0 ? requested : FALLBACK_LOCALE;
  return { locale, timeZone: context.portal.timezone, currency };
}

// Counting midnights in the portal's zone, so "tomorrow" flips at the portal's midnight, not UTC's.
function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  return Math.round((localMidnight(to, timeZone) - localMidnight(from, timeZone)) / DAY_MS);
}

function localMidnight(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}
