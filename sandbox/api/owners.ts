import { notFound, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import type { Owner } from '../store/model.ts';
import type { ApiContext } from './context.ts';
import { positiveInt } from './records.ts';

// /crm/v3/owners: the portal's users who can own records, with their teams. Read-only, as in HubSpot.

// Seeds carry no owner timestamps; HubSpot always sends them.
const OWNER_SINCE = '2020-01-01T00:00:00.000Z';

const ownerView = (owner: Owner) => ({
  id: owner.id,
  email: owner.email,
  firstName: owner.firstName,
  lastName: owner.lastName,
  userId: owner.userId,
  type: 'PERSON',
  createdAt: OWNER_SINCE,
  updatedAt: OWNER_SINCE,
  archived: owner.archived,
  teams: owner.teams,
});

export const ownerRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/crm/v3/owners',
    handle({ query }, context) {
      const limit = Math.min(positiveInt(query.get('limit'), 100, 'limit'), 500);
      const offset = query.get('after') === null ? 0 : positiveInt(query.get('after'), 0, 'after');
      const email = query.get('email')?.toLowerCase();
      const archived = query.get('archived') === 'true';
      const owners = context.store.portal.owners.filter(
        (o) => o.archived === archived && (!email || o.email.toLowerCase() === email),
      );
      const end = offset + limit;
      return {
        status: 200,
        body: {
          results: owners.slice(offset, end).map(ownerView),
          ...(end < owners.length ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {}),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/crm/v3/owners/:ownerId',
    handle({ params, query }, context) {
      const idProperty = query.get('idProperty') ?? 'id';
      if (idProperty !== 'id' && idProperty !== 'userId')
        throw validationError(`idProperty must be id or userId, not ${idProperty}`);
      const archived = query.get('archived') === 'true';
      const owner = context.store.portal.owners.find(
        (o) => (idProperty === 'id' ? o.id : String(o.userId)) === params.ownerId && o.archived === archived,
      );
      if (!owner) throw notFound(`No owner with ${idProperty} ${params.ownerId}`);
      return { status: 200, body: ownerView(owner) };
    },
  },
];
