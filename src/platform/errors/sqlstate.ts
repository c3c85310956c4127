import { DomainError } from './domain-error.js';

// Database errors are translated by SQLSTATE, never by message text.
const byState: Record<string, (detail: string) => DomainError> = {
  '23505': (d) =>
    new DomainError('conflict', 'already_exists', `A record with the same key already exists. ${d}`.trim()),
  '23503': (d) =>
    new DomainError('invalid_input', 'unknown_reference', `A referenced record does not exist. ${d}`.trim()),
  '23514': (d) =>
    new DomainError(
      'invalid_input',
      'constraint_violated',
      `A value breaks a rule of the store. ${d}`.trim(),
    ),
  '23502': (d) =>
    new DomainError('invalid_input', 'value_required', `A required value is missing. ${d}`.trim()),
  '22P02': () => new DomainError('invalid_input', 'invalid_value', 'A value has the wrong form.'),
  '40001': () =>
    new DomainError('conflict', 'concurrent_change', 'The record was changed at the same time; try again.'),
  '40P01': () =>
    new DomainError('conflict', 'concurrent_change', 'The record was changed at the same time; try again.'),
  '57P01': () =>
    new DomainError('unavailable', 'database_unavailable', 'The database is restarting; try again.'),
};

export function translateDatabaseError(err: unknown): DomainError | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const make = byState[code];
  if (!make) return null;
  const detail = (err as { constraint?: string }).constraint;
  return make(detail ? `(${detail})` : '');
}
