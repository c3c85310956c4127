// The auth module: people (users, sessions) and machine clients (API tokens), and the actor of
// every request.
export {
  addUser,
  listUsers,
  signOut,
  createToken,
  revokeToken,
  listTokens,
  purgeExpiredSessions,
} from './auth.service.js';
export {
  signIn,
  passwordRefused,
  passwordPolicyOf,
  unlockUser,
  type PasswordPolicy,
} from './password-sign-in.service.js';
export { purgeExpiredChallenges } from './certificate-sign-in.service.js';
export { registerAuthentication, setSessionCookie, SESSION_COOKIE } from './auth.http.js';
export { registerAuthRoutes } from './auth.routes.js';
export type { User, ApiToken } from './auth.repository.js';
