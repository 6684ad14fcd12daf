import { notFound, validationError } from '../http/errors.ts';
import type { Route } from '../http/router.ts';
import type { Owner } from '../store/model.ts';
import type { ApiContext } from './context.ts';
import { positiveInt } from './records.ts';

// /settings/v3/users: HubSpot's user provisioning API, read-only here: the portal's active users (the
// owners with a user account), each with whether they are a super admin. A deactivated user is not found.

const userView = (owner: Owner) => {
  const primary = owner.teams.find((t) => t.primary);
  return {
    id: String(owner.userId),
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    roleIds: [],
    ...(primary ? { primaryTeamId: primary.id } : {}),
    secondaryTeamIds: owner.teams.filter((t) => t !== primary).map((t) => t.id),
    superAdmin: owner.superAdmin,
    sendWelcomeEmail: false,
  };
};

const activeUsers = (context: ApiContext) => context.store.portal.owners.filter((o) => !o.archived);

export const userRoutes: Route<ApiContext>[] = [
  {
    method: 'GET',
    pattern: '/settings/v3/users',
    handle({ query }, context) {
      const limit = Math.min(positiveInt(query.get('limit'), 100, 'limit'), 100);
      const offset = query.get('after') === null ? 0 : positiveInt(query.get('after'), 0, 'after');
      const users = activeUsers(context);
      const end = offset + limit;
      return {
        status: 200,
        body: {
          results: users.slice(offset, end).map(userView),
          ...(end < users.length ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {}),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/settings/v3/users/:userId',
    handle({ params, query }, context) {
      const idProperty = query.get('idProperty') ?? 'USER_ID';
      if (idProperty !== 'USER_ID' && idProperty !== 'EMAIL')
        throw validationError(`idProperty must be USER_ID or EMAIL, not ${idProperty}`);
      const asked = params.userId ?? '';
      const user = activeUsers(context).find((o) =>
        idProperty === 'USER_ID' ? String(o.userId) === asked : o.email.toLowerCase() === asked.toLowerCase(),
      );
      if (!user) throw notFound(`No user with ${idProperty} ${params.userId}`);
      return { status: 200, body: userView(user) };
    },
  },
];
