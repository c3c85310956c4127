// How the outbox reaches each recipient, from the configuration (src/platform/config.outbox.ts): an
// adapter per recipient (OUTBOX_ROUTES), else the default adapter where it is configured, else
// none — the recipient is undeliverable and the dashboard says so before the deadline.
import type { Config } from '../../platform/config.js';
import type { AdapterName } from './outbox.repository.js';
import { emptyKeyring, fileKeyring, type Keyring } from './outbox.keyring.js';

export interface Route {
  adapter: AdapterName;
  /** the webhook's URL; the EDMS endpoint; the recipient's drop directory */
  target: string;
}

export interface OutboxSettings {
  edmsUrl: string | null;
  signingSecret: string | null;
  /** per-recipient signing keys (OUTBOX_RECIPIENT_SECRETS_FILE); see outbox.keyring.ts */
  keyring: Keyring;
  fileDropDir: string | null;
  routes: ReadonlyMap<string, { adapter: AdapterName; url?: string }>;
  defaultAdapter: 'none' | 'edms' | 'file-drop';
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  leaseMs: number;
  tickMs: number;
}

/** Parses OUTBOX_ROUTES (its form is checked at boot by the config's pattern). */
export function parseRoutes(text: string): Map<string, { adapter: AdapterName; url?: string }> {
  const routes = new Map<string, { adapter: AdapterName; url?: string }>();
  for (const part of text.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const recipient = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (value.startsWith('webhook:')) routes.set(recipient, { adapter: 'webhook', url: value.slice(8) });
    else routes.set(recipient, { adapter: value as AdapterName });
  }
  return routes;
}

export function outboxSettings(config: Config): OutboxSettings {
  return {
    edmsUrl: config.outboxEdmsUrl,
    signingSecret: config.outboxSigningSecret,
    keyring: keyringOf(config.outboxRecipientSecretsFile),
    fileDropDir: config.outboxFileDropDir,
    routes: parseRoutes(config.outboxRoutes),
    defaultAdapter: config.outboxDefaultAdapter,
    maxAttempts: config.outboxMaxAttempts,
    backoffBaseMs: config.outboxBackoffBaseMs,
    backoffMaxMs: config.outboxBackoffMaxMs,
    timeoutMs: config.outboxTimeoutMs,
    leaseMs: config.outboxLeaseMs,
    tickMs: config.outboxTickMs,
  };
}

/** One keyring per file for the process: every caller of outboxSettings shares its cache. */
const keyrings = new Map<string, Keyring>();
function keyringOf(file: string | null): Keyring {
  if (!file) return emptyKeyring;
  let k = keyrings.get(file);
  if (!k) keyrings.set(file, (k = fileKeyring(file)));
  return k;
}

function configured(s: OutboxSettings, recipient: string, adapter: AdapterName, url?: string): Route | null {
  // The signed adapters need a key for the recipient (its own, or the shared one where the keyring
  // does not name it): nothing is sent unsigned.
  const signable = s.keyring.names(recipient) || s.signingSecret !== null;
  if (adapter === 'edms') return s.edmsUrl && signable ? { adapter, target: s.edmsUrl } : null;
  if (adapter === 'webhook') return url && signable ? { adapter, target: url } : null;
  return s.fileDropDir ? { adapter, target: s.fileDropDir } : null;
}

/** The adapter that reaches `recipient`, or null: undeliverable. */
export function routeFor(s: OutboxSettings, recipient: string): Route | null {
  const named = s.routes.get(recipient);
  if (named) return configured(s, recipient, named.adapter, named.url);
  if (s.defaultAdapter === 'none') return null;
  return configured(s, recipient, s.defaultAdapter);
}

/**
 * The wait before try `attempt + 1`: exponential from the base, capped, with full jitter in its
 * upper half (so that receivers coming back are not hit by every sender at once).
 */
export function backoffMs(
  s: Pick<OutboxSettings, 'backoffBaseMs' | 'backoffMaxMs'>,
  attempt: number,
  random: number,
): number {
  const ceiling = Math.min(s.backoffMaxMs, s.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
