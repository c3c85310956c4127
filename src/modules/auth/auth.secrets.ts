import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sha256 } from '../../platform/hashing.js';

export { sha256 };

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
// algorithm 2 is Argon2id (a const enum in the typings, so named here by value).
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, argonOptions);
export const verifyPassword = (stored: string, password: string): Promise<boolean> =>
  verify(stored, password).catch(() => false);

let decoy: Promise<string> | null = null;
/** A real hash of a random password: checked when the login is unknown, so timing does not tell. */
export const decoyPasswordHash = (): Promise<string> => (decoy ??= hashPassword(randomSecret()));

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const TOKEN_PREFIX = 'zst_';
/** A new API token: shown once; only its SHA-256 is stored (it is random, so no slow hash is needed). */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  return { token, hash: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const PASSWORD_MIN_LENGTH = 12;
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 1024) return 'must be at most 1024 characters';
  if (new Set(password).size < 5) return 'must not repeat so few characters';
  return null;
}
