export { identityAmong, verifyCaller, requireAdmin, requireManager } from './caller.ts';
export { withRoles, type Caller, type CallerIdentity } from './roles.ts';
