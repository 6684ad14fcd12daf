export { identityAmong, verifyCaller, withBootstrapRoles, requireAdmin, requireManager } from './caller.ts';
export { withRoles, type Caller } from './roles.ts';
