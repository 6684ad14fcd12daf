import { COMPANY_PROPERTY } from '../../src/crm/model/index.ts';
import {
  anOwner,
  loadAccounts,
  startSandboxPortal,
  type LoadableAccount,
  type SandboxPortal,
} from '../../test/app/functions/account-portal.ts';
import { keystoneObjectTypes, readPortalState, type ObjectTypes } from './hubspot-state.ts';
import { planSave } from './intents.ts';
import { once } from './users.ts';

// The fault benchmark's portal: a few key accounts, each with three contacts, a won deal, a meeting
// and a saved plan (so its review-due task exists), and other companies for the recalculation to score;
// two admins and two key account managers (by team), as an admin would configure them. Set up with
// no faults, on the test clock.

export interface Person {
  userId: number;
  ownerId: string;
}
export interface KeyAccount {
  companyId: string;
  contactIds: readonly [string, string, string];
}

export interface FaultPortal {
  portal: SandboxPortal;
  types: ObjectTypes;
  admins: readonly [Person, Person];
  managers: readonly [Person, Person];
  accounts: KeyAccount[];
}

const DAY = 86_400_000;
const TEAM = { id: '77', name: 'Key accounts', primary: true };

export async function startFaultPortal(
  size: { keyAccounts: number; otherCompanies: number },
  clock: () => number,
  nextIntentId: () => number,
): Promise<FaultPortal> {
  const owners = [
    anOwner({ firstName: 'Ada' }),
    anOwner({ firstName: 'Abe' }),
    anOwner({ firstName: 'Max', teams: [TEAM] }),
    anOwner({ firstName: 'Mia', teams: [TEAM] }),
  ];
  const [ada, abe, max, mia] = owners.map((o) => ({ userId: o.userId, ownerId: o.id })) as [
    Person,
    Person,
    Person,
    Person,
  ];
  const now = clock();
  const keyAccount = (n: number): LoadableAccount => {
    const contactIds = [0, 1, 2].map((k) => String(880_000 + n * 10 + k));
    return {
      owners,
      company: {
        name: `Key client ${n}`,
        hubspot_owner_id: max.ownerId,
        [COMPANY_PROPERTY.status]: 'key',
        hs_is_target_account: 'true',
        [COMPANY_PROPERTY.prestige]: '9',
        [COMPANY_PROPERTY.strategicFit]: '8',
        [COMPANY_PROPERTY.marginPercent]: '40',
        [COMPANY_PROPERTY.potentialRevenue]: '300000',
      },
      contacts: contactIds.map((id) => ({ id })),
      activities: [{ type: 'meetings', ownerId: max.ownerId, contactIds: contactIds.slice(0, 2), daysAgo: 10 }],
      deals: [
        {
          amount: '200000',
          dealstage: 'closedwon',
          hs_is_closed_won: 'true',
          hs_is_closed: 'true',
          closedate: new Date(now - 30 * DAY).toISOString(),
        },
      ],
    };
  };
  const otherCompany = (n: number): LoadableAccount => ({
    owners,
    company: { name: `Client ${n}`, [COMPANY_PROPERTY.prestige]: String(n % 11) },
  });

  const portal = await startSandboxPortal({}, { attempts: 3 });
  portal.useForFunctions();
  const loaded = await loadAccounts(portal, [
    ...Array.from({ length: size.keyAccounts }, (_, n) => keyAccount(n + 1)),
    ...Array.from({ length: size.otherCompanies }, (_, n) => otherCompany(n + 1)),
  ]);
  const accounts = loaded
    .slice(0, size.keyAccounts)
    .map(({ companyId, contactIds: [a, b, c] }) => ({ companyId, contactIds: [a!, b!, c!] as const }));
  const types = await keystoneObjectTypes(portal.client);

  const access = await once(
    {
      fn: 'save_settings',
      id: nextIntentId(),
      userId: ada.userId,
      expectedRevision: 0,
      mark: 0,
      parameters: {
        userId: ada.userId,
        expectedRevision: 0,
        settings: {
          access: {
            adminUserIds: [ada, abe].map((a) => String(a.userId)),
            managerTeamIds: [TEAM.id],
            managerUserIds: [],
          },
        },
      },
    },
    clock,
  );
  if (access.status !== 'ok') throw new Error(`Could not configure access: ${access.message}`);

  const state = await readPortalState(portal.client, types, {
    companyIds: accounts.map((a) => a.companyId),
    contactIds: [],
  });
  for (const account of accounts) {
    const first = await once(
      planSave(nextIntentId(), max.userId, state.companies[account.companyId]!, [max.ownerId, mia.ownerId], now),
      clock,
    );
    if (first.status !== 'ok')
      throw new Error(`Could not save the first plan of ${account.companyId}: ${first.message}`);
  }
  return { portal, types, admins: [ada, abe], managers: [max, mia], accounts };
}
