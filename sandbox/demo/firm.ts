import type { SeedOwner } from '../seed.ts';
import type { Region } from './vocabulary.ts';

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

export interface FirmPerson {
  ownerId: string;
  userId: number;
  team: TeamKey;
  owner: SeedOwner;
}

export function firmPeople(): FirmPerson[] {
  return PEOPLE.map(([firstName, lastName, team], i) => {
    const ownerId = String(61_000_001 + i);
    const userId = 9_100_001 + i;
    return {
      ownerId,
      userId,
      team,
      owner: {
        id: ownerId,
        userId,
        email: `${firstName}.${lastName}@${DEMO_FIRM.domain}`.toLowerCase(),
        firstName,
        lastName,
        teams: [{ ...DEMO_TEAMS[team], primary: true }],
        archived: false,
      },
    };
  });
}

export const salesTeamFor = (region: Region): TeamKey => (region === 'north' ? 'salesNorth' : 'salesSouth');
