// Every configuration key is declared once, by area, in the config.*.ts files beside this one:
// name, type, default, description.
// `loadConfig` validates the environment at boot and stops with a message naming the key;
// `renderConfigDocs` generates docs/config.md, and a test checks the file is current.

import type { Declaration } from './config.declaration.js';
import { serviceKeys } from './config.service.js';
import { accessKeys } from './config.access.js';
import { publishingKeys } from './config.publishing.js';
import { outboxKeys } from './config.outbox.js';
import { pkiKeys } from './config.pki.js';

export const configDeclaration = {
  ...serviceKeys,
  ...accessKeys,
  ...publishingKeys,
  ...outboxKeys,
  ...pkiKeys,
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
  rateLimitIntake: number;
  rateLimitRequestStatus: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  multipartMaxParts: number;
  uploadCsvMaxRows: number;
  uploadCsvMaxColumns: number;
  uploadCsvMaxRecordChars: number;
  xlsxMaxUnzippedBytes: number;
  xlsxMaxCompressionRatio: number;
  xlsxMaxSharedStrings: number;
  sessionTtlHours: number;
  signInWindowMinutes: number;
  signInFailuresPerLogin: number;
  signInFailuresPerAddress: number;
  signInLockoutFailures: number;
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
  ncalayerUrl: string;
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
    'Generated from `src/platform/config.*.ts` by `npm run docs:config`; a test fails when it is out of date.',
    'Every key is read from the environment at start and validated; a wrong value stops the start',
    'with a message naming the key.',
    '',
    '| key | type | default | what it does |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
