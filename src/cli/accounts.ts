// `zanstat user add`, `token create`, `token revoke`: accounts made on the command line (the
// first administrator has no default password; Order 25, para 2: the Administrator).
import { addUser, createToken, revokeToken } from '../modules/auth/index.js';
import { roles, systemActor, type Role } from '../platform/usecase.js';
import { readSecretFromStdin, withRuntime } from './runtime.js';
import { requiredOption, UsageError, type Values } from './usage-error.js';

const cli = systemActor('cli');

function asRole(value: string | boolean | undefined): Role {
  if (typeof value !== 'string' || !(roles as readonly string[]).includes(value))
    throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  return value as Role;
}

export async function addUserCommand(values: Values): Promise<number> {
  if (!values['password-stdin'] && process.stdin.isTTY)
    throw new UsageError('give the password on standard input with --password-stdin');
  const input = {
    login: requiredOption(values, 'login'),
    displayName: requiredOption(values, 'name'),
    role: asRole(values.role),
    organisationId: requiredOption(values, 'org'),
  };
  const password = await readSecretFromStdin();
  const user = await withRuntime((rt) => addUser(rt.deps, cli, { ...input, password }));
  if (values.json)
    console.log(
      JSON.stringify({
        id: user.id,
        login: user.login,
        role: user.role,
        organisationId: user.organisationId,
      }),
    );
  else console.log(`user ${user.login} added (${user.role}, ${user.organisationId}), id ${user.id}`);
  return 0;
}

export async function createTokenCommand(values: Values): Promise<number> {
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650))
    throw new UsageError('--days must be a whole number from 1 to 3650');
  const input = {
    name: requiredOption(values, 'name'),
    organisationId: requiredOption(values, 'org'),
    role: asRole(values.role),
  };
  const r = await withRuntime((rt) =>
    createToken(rt.deps, cli, { ...input, validDays: days ?? rt.config.tokenDefaultDays }),
  );
  if (values.json)
    console.log(JSON.stringify({ id: r.token.id, secret: r.secret, expiresAt: r.token.expiresAt }));
  else
    console.log(
      `token ${r.token.id} (expires ${r.token.expiresAt.toISOString()})\n${r.secret}\nThis secret is shown once; store it now.`,
    );
  return 0;
}

export async function revokeTokenCommand(id: string | undefined, json = false): Promise<number> {
  if (!id) throw new UsageError('give the id of the token: zanstat token revoke <id>');
  await withRuntime((rt) => revokeToken(rt.deps, cli, { id }));
  console.log(json ? JSON.stringify({ id, revoked: true }) : `token ${id} revoked`);
  return 0;
}
