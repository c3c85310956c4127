// How the outbox delivers: adapters, endpoints, signing, retries and leases.
// Declared here, assembled in config.ts (see there for how a key is read and documented).
import type { Declaration } from './config.declaration.js';

export const outboxKeys = {
  OUTBOX_EDMS_URL: {
    kind: 'url',
    default: null,
    description:
      'Endpoint of the electronic document system adapter: deliveries are POSTed there as signed JSON (docs/outbox.md). Unset: no EDMS adapter.',
  },
  OUTBOX_SIGNING_SECRET: {
    kind: 'string',
    default: null,
    secret: true,
    description:
      'Key of the HMAC-SHA256 signature of every EDMS and webhook delivery (over timestamp and body) and of the receipts recipients send back. Needed by those adapters.',
  },
  OUTBOX_RECIPIENT_SECRETS_FILE: {
    kind: 'path',
    default: null,
    description:
      'JSON file of per-recipient signing keys (`{"supreme-court": [{"id": "2026-12", "secret": "…", "validFrom": "2026-12-01T00:00:00Z", "validUntil": null}]}`), mode 600, outside the repository and the database; re-read when it changes. A recipient it names is signed with its own keys only (several during a rotation\'s overlap); others fall back to OUTBOX_SIGNING_SECRET. docs/outbox.md.',
  },
  OUTBOX_FILE_DROP_DIR: {
    kind: 'path',
    default: null,
    description:
      'Root of the file-drop adapter: each delivery is written to <dir>/<recipient>/<idempotency key>/ (files, then manifest.json). Unset: no file drop.',
  },
  OUTBOX_ROUTES: {
    kind: 'string',
    default: '',
    pattern: /^(\s*[a-z0-9][a-z0-9.-]*=(edms|file-drop|webhook:https?:\/\/[^\s,]+)\s*(,|$))*$/,
    description:
      'Adapter per recipient organisation, comma-separated: `mazhilis=edms, supreme-court=webhook:https://…/hook, ministry-of-justice=file-drop`. A recipient not named takes OUTBOX_DEFAULT_ADAPTER.',
  },
  OUTBOX_DEFAULT_ADAPTER: {
    kind: 'enum',
    default: 'edms',
    values: ['none', 'edms', 'file-drop'],
    description:
      'Adapter of a recipient OUTBOX_ROUTES does not name, when that adapter is configured; otherwise the recipient is undeliverable (shown on the dashboard).',
  },
  OUTBOX_MAX_ATTEMPTS: {
    kind: 'integer',
    default: '8',
    min: 1,
    max: 50,
    description: 'Tries of a delivery before it is dead-lettered (a staff member may re-send it).',
  },
  OUTBOX_BACKOFF_BASE_MS: {
    kind: 'integer',
    default: '30000',
    min: 1,
    max: 86_400_000,
    description:
      'Wait before the second try; it doubles with each try (with jitter), up to OUTBOX_BACKOFF_MAX_MS.',
  },
  OUTBOX_BACKOFF_MAX_MS: {
    kind: 'integer',
    default: '3600000',
    min: 1,
    max: 604_800_000,
    description: 'Longest wait between two tries of a delivery.',
  },
  OUTBOX_TIMEOUT_MS: {
    kind: 'integer',
    default: '15000',
    min: 50,
    max: 600_000,
    description: 'How long a receiver may take to answer one try before it counts as failed.',
  },
  OUTBOX_LEASE_MS: {
    kind: 'integer',
    default: '120000',
    min: 100,
    max: 3_600_000,
    description:
      'How long a claimed delivery stays with its worker; a worker killed mid-send leaves it to be tried again after this (with the same key).',
  },
  OUTBOX_TICK_MS: {
    kind: 'integer',
    default: '1000',
    min: 20,
    max: 60_000,
    description: 'How often the worker looks for deliveries due to be sent.',
  },
} as const satisfies Record<string, Declaration>;
