/** A command given wrongly (exit 2): its message is all the user needs (no stack). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that cannot do its work for a reason the user can fix, a missing file say (exit 1, no stack). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** A read-only command met a database that is not migrated: it never migrates it itself. */
export class PendingMigrationsError extends Error {
  override readonly name = 'PendingMigrationsError';
  constructor(pending: string[]) {
    super(
      `the database lacks ${pending.length} migration(s) (${pending[0]}${pending.length > 1 ? ', …' : ''}): run zanstat migrate (or start zanstat serve) first`,
    );
  }
}

/** A command's options as node:util's parseArgs gives them. */
export type Values = Record<string, string | boolean | undefined>;

export function requiredOption(values: Values, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${key} is required`);
  return v;
}
