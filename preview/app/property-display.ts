/** The language and region of every preview user, as HubSpot would take them from the user's settings. */
export const PREVIEW_LOCALE = 'en-GB';

export type PropertyKind = 'text' | 'option' | 'money' | 'count';

/** A property value as HubSpot shows it on a record: options by name, numbers grouped, money in the portal's currency. */
export function shownValue(value: string | null | undefined, kind: PropertyKind, currency: string | null): string {
  if (!value) return '--';
  if (kind === 'option')
    return value
      .toLowerCase()
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ');
  const number = Number(value);
  if (kind === 'text' || !Number.isFinite(number)) return value;
  const money = kind === 'money' && currency !== null;
  return new Intl.NumberFormat(
    PREVIEW_LOCALE,
    money ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 },
  ).format(number);
}
