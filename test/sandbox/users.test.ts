import { describe, expect, it } from 'vitest';
import { isSuperAdmin } from '../../src/crm/portal-users.ts';
import { owner, portalSeed, useSandbox } from './helpers.ts';

// GET /settings/v3/users/{userId} and /settings/v3/users (HubSpot's user provisioning API), through the
// real client's typed API and through Keystone's super-admin check.
describe('users (user provisioning API)', () => {
  const harness = useSandbox(() =>
    portalSeed({
      owners: [
        owner({ id: '501', userId: 9001, email: 'ada@firm.test', superAdmin: true }),
        owner({ id: '502', userId: 9002, email: 'rex@firm.test', firstName: 'Rex', teams: [] }),
        owner({ id: '503', userId: 9003, email: 'gone@firm.test', archived: true, superAdmin: true }),
      ],
    }),
  );

  it('answers a user by id or email, saying whether they are a super admin', async () => {
    const api = harness.client.settings.users.usersApi;
    expect(await api.getById('9001')).toMatchObject({
      id: '9001',
      email: 'ada@firm.test',
      superAdmin: true,
      primaryTeamId: '7',
    });
    expect(await api.getById('rex@firm.test', 'EMAIL')).toMatchObject({ id: '9002', superAdmin: false });
  });

  it('lists the active users only, and does not know a deactivated one', async () => {
    const page = await harness.client.settings.users.usersApi.getPage();
    expect(page.results.map((u) => u.id)).toEqual(['9001', '9002']);
    await expect(harness.client.settings.users.usersApi.getById('9003')).rejects.toMatchObject({ code: 404 });
  });

  it("gives Keystone's check its answer: only an active super admin counts", async () => {
    expect(await isSuperAdmin(harness.client, 9001)).toBe(true);
    expect(await isSuperAdmin(harness.client, 9002)).toBe(false);
    expect(await isSuperAdmin(harness.client, 9003)).toBe(false);
    expect(await isSuperAdmin(harness.client, 123_456)).toBe(false);
  });
});
