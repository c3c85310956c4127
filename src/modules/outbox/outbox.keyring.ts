// The signing keys of each recipient (docs/outbox.md, "Signing keys"). An HMAC key cannot be kept
// hashed — signing and verifying need the key itself — so the keys live in a file outside the
// repository and the database (OUTBOX_RECIPIENT_SECRETS_FILE), readable by the service's user alone:
// a file that its group or others may read, or a key shorter than 32 characters, is refused with
// the reason. Keys are never logged, journaled or shown; only their ids are.
//
// Each recipient has a list of keys with the instants they are used from and until. Rotation with
// an overlap: add the new key with its `validFrom`, give the old one a `validUntil` some days later;
// in between every message is signed with both (one `v1=` signature per key in the header) and a
// receipt signed with either is taken. A recipient the file does not name uses
// OUTBOX_SIGNING_SECRET; a recipient it names never does, even when none of its keys is in force
// (then nothing is sent to it until one is: never signed with another's key).
import fs from 'node:fs';

export const MIN_KEY_LENGTH = 32;

export interface SigningKey {
  id: string;
  secret: string;
  validFrom: Date;
  validUntil: Date | null;
}

export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

/** Parses the file's JSON: `{ "<recipient>": [{ "id", "secret", "validFrom", "validUntil"? }] }`. */
export function parseKeyring(text: string, where: string): Map<string, SigningKey[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new KeyringError(`${where}: not JSON`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new KeyringError(`${where}: expected an object of recipient → keys`);
  const out = new Map<string, SigningKey[]>();
  for (const [recipient, list] of Object.entries(data as Record<string, unknown>)) {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(recipient))
      throw new KeyringError(`${where}: '${recipient}' is not an organisation id`);
    if (!Array.isArray(list) || list.length === 0)
      throw new KeyringError(`${where}: /${recipient} must be a non-empty list of keys`);
    const keys = list.map((raw: unknown, i) => {
      const at = `${where}: /${recipient}/${i}`;
      const k = (raw ?? {}) as Record<string, unknown>;
      if (typeof k.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(k.id))
        throw new KeyringError(`${at}/id: a short name of the key is needed (letters, digits, . _ -)`);
      if (typeof k.secret !== 'string' || k.secret.length < MIN_KEY_LENGTH)
        throw new KeyringError(`${at}/secret: at least ${MIN_KEY_LENGTH} characters`);
      const instant = (name: 'validFrom' | 'validUntil'): Date | null => {
        const v = k[name];
        if (v === undefined || v === null) return null;
        const d = typeof v === 'string' && /T.*(Z|[+-]\d{2}:\d{2})$/.test(v) ? new Date(v) : null;
        if (!d || Number.isNaN(d.getTime()))
          throw new KeyringError(`${at}/${name}: an instant with its zone (2026-12-01T00:00:00Z)`);
        return d;
      };
      const validFrom = instant('validFrom');
      if (!validFrom) throw new KeyringError(`${at}/validFrom: required`);
      const validUntil = instant('validUntil');
      if (validUntil && validUntil <= validFrom)
        throw new KeyringError(`${at}/validUntil: must come after validFrom`);
      return { id: k.id, secret: k.secret, validFrom, validUntil };
    });
    if (new Set(keys.map((k) => k.id)).size !== keys.length)
      throw new KeyringError(`${where}: /${recipient} names a key id twice`);
    out.set(recipient, keys);
  }
  return out;
}

export interface Keyring {
  /** whether the file names the recipient (then OUTBOX_SIGNING_SECRET is never used for it) */
  names(recipient: string): boolean;
  /** the recipient's keys in force at `now`, newest first */
  keysOf(recipient: string, now: Date): SigningKey[];
}

export const inForce = (keys: readonly SigningKey[], now: Date): SigningKey[] =>
  keys
    .filter((k) => k.validFrom <= now && (k.validUntil === null || now < k.validUntil))
    .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());

/**
 * The keyring of a file, read at once (a bad file stops the start with its reason) and read again
 * when the file changes, so that a key added for a rotation is used without a restart.
 */
export function fileKeyring(file: string): Keyring {
  let seen = '';
  let keys = new Map<string, SigningKey[]>();
  const load = () => {
    const st = fs.statSync(file);
    const stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    if (stamp === seen) return;
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0)
      throw new KeyringError(
        `${file}: readable by its group or others (mode ${(st.mode & 0o777).toString(8)}); chmod 600 it`,
      );
    keys = parseKeyring(fs.readFileSync(file, 'utf8'), file);
    seen = stamp;
  };
  load();
  return {
    names: (recipient) => {
      load();
      return keys.has(recipient);
    },
    keysOf: (recipient, now) => {
      load();
      return inForce(keys.get(recipient) ?? [], now);
    },
  };
}

export const emptyKeyring: Keyring = { names: () => false, keysOf: () => [] };

/**
 * The keys that sign what goes to `recipient` (and verify what comes from it) at `now`: its own,
 * or, where the keyring does not name it, the shared OUTBOX_SIGNING_SECRET.
 */
export function signingKeysFor(
  keyring: Keyring,
  sharedSecret: string | null,
  recipient: string,
  now: Date,
): string[] {
  if (keyring.names(recipient)) return keyring.keysOf(recipient, now).map((k) => k.secret);
  return sharedSecret ? [sharedSecret] : [];
}
