import { describe, expect, it } from 'vitest';
import { orderCompanies, roleOf, type CompanyRow } from '../../../preview/server/portal.ts';

const aCompany = (overrides: Partial<CompanyRow> = {}): CompanyRow => ({
  id: '1',
  name: 'Acme Ltd',
  domain: 'acme.example',
  status: null,
  score: null,
  suggestedStatus: null,
  ...overrides,
});
const access = (overrides = {}) => ({
  adminUserIds: ['1'],
  managerUserIds: ['2'],
  managerTeamIds: ['70'],
  ...overrides,
});

describe('the company list order', () => {
  it('puts key accounts first, then candidates (tagged, then suggested), then the rest by score and name', () => {
    const ordered = orderCompanies([
      aCompany({ id: 'plain-low', name: 'B', score: 10 }),
      aCompany({ id: 'suggested', suggestedStatus: 'candidate', score: 60 }),
      aCompany({ id: 'candidate', status: 'candidate', score: 40 }),
      aCompany({ id: 'plain-high', name: 'A', score: 30 }),
      aCompany({ id: 'key', status: 'key', score: 20 }),
      aCompany({ id: 'plain-unscored', name: 'C' }),
    ]);
    expect(ordered.map((company) => company.id)).toEqual([
      'key',
      'candidate',
      'suggested',
      'plain-high',
      'plain-low',
      'plain-unscored',
    ]);
  });
});

describe('the role a user has in the preview', () => {
  it('is admin for a named admin, manager by user or team, sales rep otherwise', () => {
    expect(roleOf({ userId: 1, teams: [] }, access())).toBe('admin');
    expect(roleOf({ userId: 2, teams: [] }, access())).toBe('manager');
    expect(roleOf({ userId: 3, teams: [{ id: 70 }] }, access())).toBe('manager');
    expect(roleOf({ userId: 4, teams: [{ id: 71 }] }, access())).toBe('sales rep');
  });

  it('is admin only for a HubSpot super admin while no admin is configured, as the functions allow', () => {
    expect(roleOf({ userId: 4, teams: [], superAdmin: true }, access({ adminUserIds: [] }))).toBe('admin');
    expect(roleOf({ userId: 4, teams: [] }, access({ adminUserIds: [] }))).toBe('sales rep');
  });
});
