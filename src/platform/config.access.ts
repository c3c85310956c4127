// Who may come in and how often: rate limits, body size, sessions, cookies, the proxy in front, tokens.
// Declared here, assembled in config.ts (see there for how a key is read and documented).
import type { Declaration } from './config.declaration.js';

export const accessKeys = {
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
  RATE_LIMIT_INTAKE: {
    kind: 'integer',
    default: '60',
    min: 1,
    max: 1_000_000,
    description:
      "Requests per minute per client address to the signed intake of requests (/api/v1/intake/…): a channel's gateway sends from one address; a flood is refused. Applies only while RATE_LIMIT_PUBLIC is on.",
  },
  RATE_LIMIT_REQUEST_STATUS: {
    kind: 'integer',
    default: '20',
    min: 1,
    max: 1_000_000,
    description:
      "Look-ups per minute per client address of a request's status by its number and code (the API's /api/v1/requests/status and the portal's status page): enough for an applicant, too few to guess codes. Applies only while RATE_LIMIT_PUBLIC is on.",
  },
  REQUEST_TIMEOUT_MS: {
    kind: 'integer',
    default: '120000',
    min: 1000,
    max: 3_600_000,
    description:
      "Longest time a client may take to send a whole request (Node's requestTimeout): a slow client trickling an upload is cut off.",
  },
  HEADERS_TIMEOUT_MS: {
    kind: 'integer',
    default: '20000',
    min: 1000,
    max: 600_000,
    description: "Longest time a client may take to send a request's headers (Node's headersTimeout).",
  },
  KEEP_ALIVE_TIMEOUT_MS: {
    kind: 'integer',
    default: '5000',
    min: 100,
    max: 600_000,
    description:
      "How long an idle kept-alive connection stays open (set it above the load balancer's idle timeout when there is one).",
  },
  MULTIPART_MAX_PARTS: {
    kind: 'integer',
    default: '20',
    min: 2,
    max: 10_000,
    description:
      "Most parts (fields and files together) of a multipart form (the portal's uploads): a form with more is refused at the first part past it. One file a form.",
  },
  UPLOAD_CSV_MAX_ROWS: {
    kind: 'integer',
    default: '500000',
    min: 10,
    max: 100_000_000,
    description:
      'Most rows of an uploaded CSV (a submission, a register list); counted while the file streams, refused with 413 at the first row past it.',
  },
  UPLOAD_CSV_MAX_COLUMNS: {
    kind: 'integer',
    default: '200',
    min: 5,
    max: 100_000,
    description: 'Most columns of a line of an uploaded CSV.',
  },
  UPLOAD_CSV_MAX_RECORD_CHARS: {
    kind: 'integer',
    default: '65536',
    min: 1024,
    max: 100_000_000,
    description:
      'Most characters of one line (record) of an uploaded CSV: a line with a million columns is refused before it is split.',
  },
  XLSX_MAX_UNZIPPED_BYTES: {
    kind: 'integer',
    default: '268435456',
    min: 1_048_576,
    max: 17_179_869_184,
    description:
      "Largest size an uploaded workbook may have once unzipped (the sum of its entries, read from the ZIP's central directory before anything is inflated).",
  },
  XLSX_MAX_COMPRESSION_RATIO: {
    kind: 'integer',
    default: '200',
    min: 10,
    max: 100_000,
    description:
      "Largest ratio of an uploaded workbook's unzipped size to its size (a real workbook compresses 5 to 50 times; a zip bomb thousands).",
  },
  XLSX_MAX_SHARED_STRINGS: {
    kind: 'integer',
    default: '1000000',
    min: 1000,
    max: 100_000_000,
    description: 'Most shared strings an uploaded workbook may declare (`<sst uniqueCount>`).',
  },
  SESSION_TTL_HOURS: {
    kind: 'integer',
    default: '12',
    min: 1,
    max: 720,
    description: 'Lifetime of a signed-in session of a person.',
  },
  SIGN_IN_WINDOW_MINUTES: {
    kind: 'integer',
    default: '15',
    min: 1,
    max: 1440,
    description:
      'The sliding window over which failed password sign-ins are counted, for SIGN_IN_FAILURES_PER_LOGIN and SIGN_IN_FAILURES_PER_ADDRESS.',
  },
  SIGN_IN_FAILURES_PER_LOGIN: {
    kind: 'integer',
    default: '5',
    min: 1,
    max: 1000,
    description:
      'Failed passwords for one login (known or not: the answers are the same) within the window, after which its sign-ins are refused with 429 unchecked until the window frees a place.',
  },
  SIGN_IN_FAILURES_PER_ADDRESS: {
    kind: 'integer',
    default: '20',
    min: 1,
    max: 100_000,
    description:
      'Failed passwords from one client address (whatever the logins) within the window, after which sign-ins from it are refused with 429; higher than per login, as colleagues may share an address.',
  },
  SIGN_IN_LOCKOUT_FAILURES: {
    kind: 'integer',
    default: '10',
    min: 1,
    max: 1000,
    description:
      'Failed passwords in a row for one login (since its last success) that lock it: it signs in no more until an administrator unlocks it (POST /api/v1/admin/users/{id}/unlock).',
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
} as const satisfies Record<string, Declaration>;
