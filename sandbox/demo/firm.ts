import type { SeedOwner } from '../seed.ts';
import { FIRST_NAMES, LAST_NAMES, type Region } from './vocabulary.ts';

// Our side: the consultancy whose portal this is, its people (HubSpot owners) and their teams.

export const DEMO_FIRM = { name: 'Hartwell & Finch Consulting', domain: 'hartwellfinch.example' } as const;

export const DEMO_TEAMS = {
  partners: { id: '7001', name: 'Partners' },
  keyAccounts: { id: '7002', name: 'Key Account Managers' },
  salesNorth: { id: '7003', name: 'Sales – North' },
  salesSouth: { id: '7004', name: 'Sales – South' },
  research: { id: '7005', name: 'Research' },
} as const;
type TeamKey = keyof typeof DEMO_TEAMS;

// Fixed names, so a demo reads the same whatever the seed: the people are part of the firm, not the data.
const PEOPLE: ReadonlyArray<readonly [first: string, last: string, team: TeamKey]> = [
  ['Margaret', 'Hartwell', 'partners'],
  ['Edward', 'Finch', 'partners'],
  ['Asha', 'Raman', 'partners'],
  ['Claire', 'Donovan', 'keyAccounts'],
  ['Marcus', 'Webb', 'keyAccounts'],
  ['Helen', 'Okoro', 'keyAccounts'],
  ['Simon', 'Tate', 'keyAccounts'],
  ['Joanna', 'Lindqvist', 'keyAccounts'],
  ['Gareth', 'Pryce', 'salesNorth'],
  ['Nadia', 'Rahman', 'salesNorth'],
  ['Owen', 'Fraser', 'salesNorth'],
  ['Kirsty', 'Bell', 'salesNorth'],
  ['Liam', 'Doherty', 'salesNorth'],
  ['Sophie', 'Marsden', 'salesNorth'],
  ['Adam', 'Kowalski', 'salesNorth'],
  ['Rebecca', 'Stone', 'salesSouth'],
  ['Hugo', 'Bellamy', 'salesSouth'],
  ['Priya', 'Nair', 'salesSouth'],
  ['Toby', 'Harcourt', 'salesSouth'],
  ['Ellen', 'Marsh', 'salesSouth'],
  ['Felix', 'Ward', 'salesSouth'],
  ['Grace', 'Adeyemi', 'salesSouth'],
  ['Ruth', 'Castell', 'research'],
  ['Ivan', 'Petrov', 'research'],
  ['Mei', 'Lin', 'research'],
];

/** The named people every demo firm has. */
export const FIRM_CORE = PEOPLE.length;

// A larger firm grows mostly in sales: each twenty more people bring a partner, four account managers,
// twelve sales staff and three researchers.
const GROWTH: readonly TeamKey[] = [
  'salesNorth',
  'salesSouth',
  'keyAccounts',
  'salesNorth',
  'salesSouth',
  'research',
  'salesNorth',
  'salesSouth',
  'keyAccounts',
  'partners',
  'salesNorth',
  'salesSouth',
  'research',
  'salesNorth',
  'salesSouth',
  'keyAccounts',
  'salesNorth',
  'salesSouth',
  'keyAccounts',
  'research',
];

export interface FirmPerson {
  ownerId: string;
  userId: number;
  team: TeamKey;
  owner: SeedOwner;
}

/** The named people, then `count - FIRM_CORE` more with names made from the vocabulary (unique up to a few thousand). */
export function firmPeople(count = FIRM_CORE): FirmPerson[] {
  const more = Array.from({ length: Math.max(0, count - FIRM_CORE) }, (_, j): readonly [string, string, TeamKey] => [
    FIRST_NAMES[j % FIRST_NAMES.length]!,
    // Each pass through the first names moves the surnames on by one, so no pair repeats.
    LAST_NAMES[(j + Math.floor(j / FIRST_NAMES.length)) % LAST_NAMES.length]!,
    GROWTH[j % GROWTH.length]!,
  ]);
  const emails = new Set<string>();
  return [...PEOPLE, ...more].map(([firstName, lastName, team], i) => {
    const ownerId = String(61_000_001 + i);
    const userId = 9_100_001 + i;
    return {
      ownerId,
      userId,
      team,
      owner: {
        id: ownerId,
        userId,
        email: uniqueEmail(emails, `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '')),
        firstName,
        lastName,
        teams: [{ ...DEMO_TEAMS[team], primary: true }],
        archived: false,
        // The senior partner (the demo's Keystone admin) is the portal's one super admin.
        superAdmin: i === 0,
      },
    };
  });
}

function uniqueEmail(taken: Set<string>, local: string): string {
  let email = `${local}@${DEMO_FIRM.domain}`;
  for (let n = 2; taken.has(email); n += 1) email = `${local}${n}@${DEMO_FIRM.domain}`;
  taken.add(email);
  return email;
}

export const salesTeamFor = (region: Region): TeamKey => (region === 'north' ? 'salesNorth' : 'salesSouth');
