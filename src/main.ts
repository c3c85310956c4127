#!/usr/bin/env node
// The zanstat command: serve | migrate | user | token | journal | config.
import { parseArgs } from 'node:util';
import { ConfigError, renderConfigDocs } from './platform/config.js';
import { DomainError } from './platform/errors/index.js';
import { DataDirInUseError } from './platform/db/index.js';
import { systemActor, roles, type Role } from './platform/usecase.js';
import { addUser, createToken, revokeToken } from './modules/auth/index.js';
import { verifyJournal } from './modules/audit/index.js';
import { serve } from './cli/serve.js';
import { UsageError } from './cli/usage-error.js';
import { catalogCheck, catalogLoad } from './cli/catalog.js';
import { due, obligations } from './cli/obligations.js';
import { importFiles } from './cli/import.js';
import { exportTable } from './cli/export.js';
import { readSecretFromStdin, withRuntime } from './cli/runtime.js';
import { registersCommand, registersUsage } from './cli/registers.js';

const usage = `zanstat — the information system of legal statistics

  zanstat serve [--role all|web|worker]       serve the portal, the API and the jobs
  zanstat migrate                             apply database migrations
  zanstat user add --login L --name N --role R --org O [--password-stdin]
  zanstat token create --name N --org O --role R [--days D] [--json]
  zanstat token revoke <id>
  zanstat journal verify [--json]             check the log journal's hash chain
  zanstat due <item> <period> [--channel c] [--json]
                                              due dates of a form (1-М), dataset or collection
  zanstat obligations [--from D] [--to D] [--item i] [--channel c] [--json]
  zanstat import <files…> [--form f] [--period p] [--breakdown b] [--reason r] [--official]
                                              import official workbooks (.xlsx), CSV or JSON
  zanstat export <form> <section> <period> [--region r] [--format json|csv|xlsx|pdf|json-stat] [--lang l] [--out file] [--unpublished]
                                              a public table, in one of its formats
  zanstat catalog check [dir…]                check catalogue folders (the built-in one first)
  zanstat catalog load <dir>                  load a new act's catalogue folder into the database
  zanstat config docs                         print the configuration reference (Markdown)
  ${registersUsage}
`;

const cli = systemActor('cli');

function asRole(value: string | undefined): Role {
  if (!value || !(roles as readonly string[]).includes(value))
    throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  return value as Role;
}
function required(values: Record<string, unknown>, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${key} is required`);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'registers') return registersCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: ['serve', 'migrate', 'obligations', 'import', 'export'].includes(cmd ?? '') ? argv.slice(1) : rest,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      channel: { type: 'string' },
      item: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      form: { type: 'string' },
      period: { type: 'string' },
      breakdown: { type: 'string' },
      reason: { type: 'string' },
      official: { type: 'boolean' },
      region: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      unpublished: { type: 'boolean' },
    },
  });
  switch (cmd) {
    case 'serve':
      await serve(values.role);
      return -1; // keeps running
    case 'migrate':
      await withRuntime(async () => undefined);
      console.log('migrations applied');
      return 0;
    case 'due':
      return due(sub, positionals[0], values.channel, Boolean(values.json));
    case 'obligations':
      return obligations({
        from: values.from,
        to: values.to,
        item: values.item,
        channel: values.channel,
        json: Boolean(values.json),
      });
    case 'import':
      return importFiles(positionals, {
        form: values.form,
        period: values.period,
        breakdown: values.breakdown,
        reason: values.reason,
        official: Boolean(values.official),
      });
    case 'export':
      return exportTable(positionals, {
        region: values.region,
        format: values.format,
        lang: values.lang,
        out: values.out,
        unpublished: Boolean(values.unpublished),
      });
    case 'catalog':
      if (sub === 'check') return catalogCheck(positionals);
      if (sub === 'load') return catalogLoad(positionals[0]);
      break;
    case 'config':
      if (sub !== 'docs') break;
      process.stdout.write(renderConfigDocs());
      return 0;
    case 'user': {
      if (sub !== 'add') break;
      if (!values['password-stdin'] && process.stdin.isTTY)
        throw new UsageError('give the password on standard input with --password-stdin');
      const password = await readSecretFromStdin();
      const user = await withRuntime((rt) =>
        addUser(rt.deps, cli, {
          login: required(values, 'login'),
          displayName: required(values, 'name'),
          password,
          role: asRole(values.role),
          organisationId: required(values, 'org'),
        }),
      );
      console.log(`user ${user.login} added (${user.role}, ${user.organisationId}), id ${user.id}`);
      return 0;
    }
    case 'token': {
      if (sub === 'create') {
        const days = values.days === undefined ? 365 : Number(values.days);
        if (!Number.isInteger(days) || days < 1 || days > 3650)
          throw new UsageError('--days must be a whole number from 1 to 3650');
        const r = await withRuntime((rt) =>
          createToken(rt.deps, cli, {
            name: required(values, 'name'),
            organisationId: required(values, 'org'),
            role: asRole(values.role),
            validDays: days,
          }),
        );
        if (values.json)
          console.log(JSON.stringify({ id: r.token.id, secret: r.secret, expiresAt: r.token.expiresAt }));
        else
          console.log(
            `token ${r.token.id} (expires ${r.token.expiresAt.toISOString()})\n${r.secret}\nThis secret is shown once; store it now.`,
          );
        return 0;
      }
      if (sub === 'revoke') {
        const id = positionals[0];
        if (!id) throw new UsageError('zanstat token revoke <id>');
        await withRuntime((rt) => revokeToken(rt.deps, cli, { id }));
        console.log(`token ${id} revoked`);
        return 0;
      }
      break;
    }
    case 'journal': {
      if (sub !== 'verify') break;
      const report = await withRuntime((rt) => verifyJournal(rt.deps, cli, undefined));
      if (values.json) console.log(JSON.stringify(report));
      else if (report.ok)
        console.log(`the log journal is intact: ${report.checked} entries, last ${report.lastSeq}`);
      else
        console.log(
          `the log journal is BROKEN at entry ${report.firstBreak?.seq} (${report.firstBreak?.reason}); ${report.checked} entries checked`,
        );
      return report.ok ? 0 : 3;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(usage);
      return 0;
  }
  process.stderr.write(`unknown command: ${argv.join(' ')}\n\n${usage}`);
  return 2;
}

function inputErrorCode(err: unknown): string | null {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[a-z_]+$/.test(code) ? code : null;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataDirInUseError)
      process.stderr.write(`zanstat: ${err.message}\n`);
    else if (err instanceof DomainError) {
      process.stderr.write(`zanstat: ${err.message}\n`);
      for (const e of err.errors) process.stderr.write(`  ${e.pointer}: ${e.message}\n`);
    } else if (err instanceof UsageError) process.stderr.write(`zanstat: ${err.message}\n`);
    else if (inputErrorCode(err)) {
      // input errors of the pure cores (calendar, obligations): a message and its code, no stack
      process.stderr.write(`zanstat: ${(err as Error).message} (${inputErrorCode(err)})\n`);
    } else
      process.stderr.write(`zanstat: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
