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
import { readSecretFromStdin, withRuntime } from './cli/runtime.js';

const usage = `zanstat — the information system of legal statistics

  zanstat serve [--role all|web|worker]       serve the portal, the API and the jobs
  zanstat migrate                             apply database migrations
  zanstat user add --login L --name N --role R --org O [--password-stdin]
  zanstat token create --name N --org O --role R [--days D] [--json]
  zanstat token revoke <id>
  zanstat journal verify [--json]             check the log journal's hash chain
  zanstat config docs                         print the configuration reference (Markdown)
`;

const cli = systemActor('cli');

function asRole(value: string | undefined): Role {
  if (!value || !(roles as readonly string[]).includes(value))
    throw new Error(`--role must be one of ${roles.join(', ')}`);
  return value as Role;
}
function required(values: Record<string, unknown>, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new Error(`--${key} is required`);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: cmd === 'serve' || cmd === 'migrate' ? argv.slice(1) : rest,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
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
    case 'config':
      if (sub !== 'docs') break;
      process.stdout.write(renderConfigDocs());
      return 0;
    case 'user': {
      if (sub !== 'add') break;
      if (!values['password-stdin'] && process.stdin.isTTY)
        throw new Error('give the password on standard input with --password-stdin');
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
          throw new Error('--days must be a whole number from 1 to 3650');
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
        if (!id) throw new Error('zanstat token revoke <id>');
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
    } else
      process.stderr.write(`zanstat: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
