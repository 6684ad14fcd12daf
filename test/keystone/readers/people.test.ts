import { describe, expect, it } from 'vitest';
import { peopleDirectory } from '../../../src/keystone/readers/people.ts';
import type { OwnerRecord } from '../../../src/keystone/readers/portal-reads.ts';

const anOwnerRecord = (overrides: Partial<OwnerRecord> = {}): OwnerRecord => ({
  ownerId: '1',
  userId: 501,
  firstName: 'Ann',
  lastName: 'Owner',
  email: 'ann@firm.example',
  teamIds: [],
  teams: [],
  ...overrides,
});

describe('naming the people Keystone records point at', () => {
  const people = peopleDirectory([
    anOwnerRecord(),
    anOwnerRecord({ ownerId: '2', userId: null, firstName: '', lastName: '', email: 'bot@firm.example' }),
    anOwnerRecord({ ownerId: '3', userId: 503, firstName: 'Zed', lastName: 'Able' }),
  ]);

  it('finds an owner by HubSpot user id, as stored in "changed by" and "saved by"', () => {
    expect(people.byUserId('501')).toEqual({ userId: 501, ownerId: '1', name: 'Ann Owner' });
    expect(people.byUserId(null)).toBeNull();
  });

  it('still names a user or owner who is no longer in the portal, by id', () => {
    expect(people.byUserId(999)).toEqual({ userId: 999, ownerId: null, name: 'User 999' });
    expect(people.byOwnerId('77')).toEqual({ userId: null, ownerId: '77', name: 'Owner 77' });
  });

  it('falls back to the email for an owner without a name, and lists owners by name for pickers', () => {
    expect(people.byOwnerId('2')?.name).toBe('bot@firm.example');
    expect(people.pickable().map((o) => o.name)).toEqual(['Ann Owner', 'bot@firm.example', 'Zed Able']);
  });
});
