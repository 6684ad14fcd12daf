import type { Activity, CoverageContact } from '../../../src/kam/coverage/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

export const NOW = Date.UTC(2026, 5, 15, 12);
export const daysAgo = (days: number): number => NOW - days * DAY_MS;

let nextContact = 1;

/** A current contact with no roles, stance or manager unless overridden. */
export function aContact(overrides: Partial<CoverageContact> = {}): CoverageContact {
  const id = overrides.id ?? `contact-${nextContact++}`;
  return {
    id,
    name: `Contact ${id}`,
    title: null,
    taggedKeyContact: false,
    buyingRoles: [],
    stance: null,
    decisionPower: null,
    decisionTopics: [],
    reportsTo: null,
    leftCompany: false,
    leftAt: null,
    leftReason: null,
    replacedBy: null,
    ...overrides,
  };
}

/** A key contact: tagged with the "Key contact" label. */
export const aKeyContact = (overrides: Partial<CoverageContact> = {}): CoverageContact =>
  aContact({ taggedKeyContact: true, ...overrides });

/** A meeting by owner-1 with the given contacts ten days ago unless overridden. */
export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return { kind: 'meeting', ownerId: 'owner-1', contactIds: [], at: daysAgo(10), ...overrides };
}
