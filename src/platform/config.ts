// Every configuration key is declared once here: name, type, default, description.
// `loadConfig` validates the environment at boot and stops with a message naming the key;
// `renderConfigDocs` generates docs/config.md, and a test checks the file is current.

type Kind = 'string' | 'integer' | 'boolean' | 'enum' | 'url' | 'path';

interface Declaration<K extends Kind = Kind> {
  readonly kind: K;
  readonly default: string | null;
  readonly description: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly secret?: boolean;
  /** for a string: the form it must have */
  readonly pattern?: RegExp;
}

export const configDeclaration = {
  PORT: {
    kind: 'integer',
    default: '8080',
    min: 0,
    max: 65535,
    description: 'TCP port the HTTP server listens on (0 picks a free port).',
  },
  HOST: {
    kind: 'string',
    default: '127.0.0.1',
    description:
      'Address the HTTP server binds to: loopback by default, so only this machine reaches it. In production (behind a load balancer, in a container) set `0.0.0.0`, every interface.',
  },
  DATABASE_URL: {
    kind: 'url',
    default: null,
    secret: true,
    description:
      'PostgreSQL (15 or newer) connection URL. When unset, zanstat starts its own embedded PostgreSQL server in DATA_DIR.',
  },
  DATA_DIR: {
    kind: 'path',
    default: './data',
    description:
      'Directory of the embedded PostgreSQL cluster (pg/), its owner lock and connection file. Unused with DATABASE_URL.',
  },
  DATABASE_POOL_SIZE: {
    kind: 'integer',
    default: '10',
    min: 1,
    max: 200,
    description: 'Maximum connections in the pool of one service instance.',
  },
  ROLE: {
    kind: 'enum',
    default: 'all',
    values: ['all', 'web', 'worker'],
    description: 'What `serve` runs: the HTTP server, the job worker, or both (overridden by --role).',
  },
  LOG_LEVEL: {
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'Minimum level of the log written to standard output.',
  },
  LOG_FORMAT: {
    kind: 'enum',
    default: 'auto',
    values: ['auto', 'pretty', 'json'],
    description:
      'How the log is written: `pretty`, one coloured line per event (one per request) for a person; `json`, one JSON object per line for a machine; `auto`, pretty on a terminal and JSON otherwise.',
  },
  PUBLIC_BASE_URL: {
    kind: 'url',
    default: 'http://localhost:8080',
    description: 'The public address of the service, used in links, feeds and the OpenAPI document.',
  },
  RATE_LIMIT_PUBLIC: {
    kind: 'integer',
    default: '600',
    min: 0,
    max: 1_000_000,
    description:
      'Requests per minute per client address on public routes; 0 turns the limit off (benchmarks).',
  },
  RATE_LIMIT_OPEN_DATA: {
    kind: 'integer',
    default: '6000',
    min: 0,
    max: 1_000_000,
    description:
      "Requests per minute per client address on the open-data routes (CKAN's /api/3 and /api/action, resource downloads, DataStore dumps, DCAT): high enough for a harvester or `ckanapi dump` of the whole catalogue from one address; 0 turns it off. Applies only while RATE_LIMIT_PUBLIC is on.",
  },
  RATE_LIMIT_PERSONS_SEARCH: {
    kind: 'integer',
    default: '10',
    min: 1,
    max: 1000,
    description:
      'Searches per minute per client address of the register of persons (Order 84, item 23; docs/decisions/0011), on the API and the portal: enough for a person, too few for a sweep of names. Applies only while RATE_LIMIT_PUBLIC is on.',
  },
  BODY_LIMIT_BYTES: {
    kind: 'integer',
    default: '10485760',
    min: 1024,
    max: 1_073_741_824,
    description: 'Largest request body accepted; larger bodies get 413.',
  },
  SESSION_TTL_HOURS: {
    kind: 'integer',
    default: '12',
    min: 1,
    max: 720,
    description: 'Lifetime of a signed-in session of a person.',
  },
  COOKIE_SECURE: {
    kind: 'boolean',
    default: null,
    description:
      'Mark the session cookie Secure (sent over HTTPS only). Unset: true when PUBLIC_BASE_URL is https, false otherwise.',
  },
  TRUST_PROXY: {
    kind: 'string',
    default: '',
    pattern: /^(|true|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
    description:
      "Which proxies in front of the service to believe about the client's address (X-Forwarded-For), for the rate limits and the journal: empty, none (the address of the connection); a hop count (`1` behind one load balancer); or the proxies' addresses or CIDR ranges, comma-separated (`10.0.0.0/8, 127.0.0.1`); `true` believes any (only when nothing else can reach the service).",
  },
  TOKEN_DEFAULT_DAYS: {
    kind: 'integer',
    default: '365',
    min: 1,
    max: 3650,
    description: 'Validity of a new API token when its creator names none.',
  },
  CATALOG_EXTRA_DIRS: {
    kind: 'string',
    default: '',
    description:
      'Comma-separated catalogue folders (a newer act, say) loaded after the built-in catalog/ at every start.',
  },
  JOBS_ENABLED: {
    kind: 'boolean',
    default: 'true',
    description: 'Start scheduled jobs in the worker role (tests turn it off).',
  },
  DEMONSTRATION_FIGURES: {
    kind: 'boolean',
    default: 'true',
    description:
      'On an empty store, load synthetic demonstration figures for the forms that ship no real ones, and publish them marked as demonstration (in releases, the release calendar and its iCalendar feed, tables, exports and pages). false starts with the official figures only; demonstration figures already loaded stay.',
  },
  PERSONS_REGISTER_DEMONSTRATION: {
    kind: 'boolean',
    default: 'true',
    description:
      'The register of persons (Order 84, item 23) finds its demonstration entries — invented names, marked fictional wherever they show — so the search can be tried; no real personal data ships. false: only the entries staff have added.',
  },
  PUBLICATION_TIME: {
    kind: 'string',
    default: '10:00',
    pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
    description:
      'Time of day (HH:MM, Kazakhstan) a release is published on its announced date when the editor names no time.',
  },
  LATE_FROM_PERIOD: {
    kind: 'string',
    default: null,
    pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
    description:
      'First period (YYYY-MM) whose releases count as late when they miss their due day; default: the month after the latest period of the figures that ship with zanstat, so imported history is not late.',
  },
  RELEASE_HORIZON_MONTHS: {
    kind: 'integer',
    default: '12',
    min: 1,
    max: 60,
    description: 'How far ahead the release calendar announces releases (months).',
  },
  PUBLISHER_TICK_MS: {
    kind: 'integer',
    default: '1000',
    min: 50,
    max: 60_000,
    description: 'How often the worker looks for releases whose publication time has come.',
  },
  PUBLISHED_CACHE_MB: {
    kind: 'integer',
    default: '256',
    min: 1,
    max: 65_536,
    description: 'Memory for published tables rendered once and served as bytes (per instance).',
  },
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
  PKI_TRUST_ROOTS: {
    kind: 'path',
    default: null,
    description:
      "Trusted root certificates of digital signatures (the NCA of Kazakhstan's roots): a PEM or DER file, or a directory of them (.pem, .cer, .crt, .der). Unset: no signature is trusted, certificate sign-in is off.",
  },
  PKI_INTERMEDIATES: {
    kind: 'path',
    default: null,
    description:
      'Intermediate (issuing) CA certificates, a file or a directory like PKI_TRUST_ROOTS, for signatures that do not carry their chain.',
  },
  PKI_CRL_PATH: {
    kind: 'path',
    default: null,
    description:
      'Certificate revocation lists (DER or PEM), a file or a directory; each issuing CA of a trusted chain needs a current one (a missing or stale list refuses the signature as `revocation-unknown`). Refresh the files as the NCA publishes them.',
  },
  PKI_OCSP_URL: {
    kind: 'url',
    default: null,
    description:
      "OCSP responder asked about the signer certificate after the CRL (e.g. the NCA's http://ocsp.pki.gov.kz). Unset: the CRL files alone decide.",
  },
  PKI_NCANODE_URL: {
    kind: 'url',
    default: null,
    description:
      'Base URL of an NCANode-compatible service (3.x API, POST /cms/verify) that verifies GOST signatures, which are not checked in-process. Unset: GOST signatures are refused as `unsupported-algorithm`.',
  },
  PKI_TIMEOUT_MS: {
    kind: 'integer',
    default: '10000',
    min: 100,
    max: 120_000,
    description: 'How long the OCSP responder or the NCANode service may take to answer.',
  },
} as const satisfies Record<string, Declaration>;

export type ConfigKey = keyof typeof configDeclaration;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  role: 'all' | 'web' | 'worker';
  logLevel: string;
  logFormat: 'auto' | 'pretty' | 'json';
  publicBaseUrl: string;
  rateLimitPublic: number;
  rateLimitOpenData: number;
  rateLimitPersonsSearch: number;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: string;
  tokenDefaultDays: number;
  catalogExtraDirs: string;
  jobsEnabled: boolean;
  demonstrationFigures: boolean;
  personsRegisterDemonstration: boolean;
  publicationTime: string;
  lateFromPeriod: string | null;
  releaseHorizonMonths: number;
  publisherTickMs: number;
  publishedCacheMb: number;
  outboxEdmsUrl: string | null;
  outboxSigningSecret: string | null;
  outboxRecipientSecretsFile: string | null;
  outboxFileDropDir: string | null;
  outboxRoutes: string;
  outboxDefaultAdapter: 'none' | 'edms' | 'file-drop';
  outboxMaxAttempts: number;
  outboxBackoffBaseMs: number;
  outboxBackoffMaxMs: number;
  outboxTimeoutMs: number;
  outboxLeaseMs: number;
  outboxTickMs: number;
  pkiTrustRoots: string | null;
  pkiIntermediates: string | null;
  pkiCrlPath: string | null;
  pkiOcspUrl: string | null;
  pkiNcanodeUrl: string | null;
  pkiTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

function parseValue(key: string, decl: Declaration, raw: string): { value?: unknown; problem?: string } {
  switch (decl.kind) {
    case 'string':
      if (decl.pattern && !decl.pattern.test(raw))
        return { problem: `${key}: "${raw}" is not of the form ${String(decl.pattern)}` };
      return { value: raw };
    case 'integer': {
      if (!/^-?\d+$/.test(raw.trim())) return { problem: `${key}: "${raw}" is not a whole number` };
      const n = Number(raw);
      if (decl.min !== undefined && n < decl.min) return { problem: `${key}: ${n} is below ${decl.min}` };
      if (decl.max !== undefined && n > decl.max) return { problem: `${key}: ${n} is above ${decl.max}` };
      return { value: n };
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return { value: true };
      if (['false', '0', 'no'].includes(v)) return { value: false };
      return { problem: `${key}: "${raw}" is not true or false` };
    }
    case 'enum':
      if (!decl.values?.includes(raw)) {
        return { problem: `${key}: "${raw}" is not one of ${decl.values?.join(', ')}` };
      }
      return { value: raw };
    case 'url':
      try {
        new URL(raw);
        return { value: raw };
      } catch {
        return { problem: `${key}: "${decl.secret ? '***' : raw}" is not a valid URL` };
      }
    default:
      return { value: raw };
  }
}

const camel = (key: string): string =>
  key.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Reads and validates every declared key; unknown ZANSTAT_* keys are refused too. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, decl] of Object.entries(configDeclaration) as [string, Declaration][]) {
    const raw = env[key] === '' ? undefined : env[key];
    const source = raw ?? decl.default;
    if (source === null) {
      out[camel(key)] = null;
      continue;
    }
    const { value, problem } = parseValue(key, decl, source);
    if (problem) problems.push(problem);
    else out[camel(key)] = value;
  }
  if (problems.length) throw new ConfigError(problems);
  // a session cookie over https is Secure unless the operator says otherwise
  out.cookieSecure ??= String(out.publicBaseUrl).startsWith('https:');
  return out as unknown as Config;
}

export function renderConfigDocs(): string {
  const rows = (Object.entries(configDeclaration) as [string, Declaration][]).map(([key, d]) => {
    const type = d.kind === 'enum' ? `one of ${d.values?.map((v) => `\`${v}\``).join(', ')}` : d.kind;
    const def = d.default === null ? '(unset)' : `\`${d.default}\``;
    return `| \`${key}\` | ${type} | ${def} | ${d.description} |`;
  });
  return [
    '# Configuration',
    '',
    'Generated from `src/platform/config.ts` by `npm run docs:config`; a test fails when it is out of date.',
    'Every key is read from the environment at start and validated; a wrong value stops the start',
    'with a message naming the key.',
    '',
    '| key | type | default | what it does |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
