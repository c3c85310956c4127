// Where the service runs: its address, its database, its role, its logs and its public address.
// Declared here, assembled in config.ts (see there for how a key is read and documented).
import type { Declaration } from './config.declaration.js';

export const serviceKeys = {
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
} as const satisfies Record<string, Declaration>;
