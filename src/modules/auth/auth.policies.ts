import { anyOf, everyone, hasRole, isSystem, type Policy } from '../../platform/usecase.js';

// The Administrator (Order 25, para 2, item 3) manages users and tokens; the CLI acts as the
// system actor, which is how the first admin is created.
export const mayManageAccounts: Policy<unknown> = anyOf(hasRole('admin'), isSystem);
export const maySignIn: Policy<unknown> = everyone;
export const mayEndSession: Policy<unknown> = (actor) => actor.kind === 'user';
export const mayPurgeSessions: Policy<unknown> = isSystem;
