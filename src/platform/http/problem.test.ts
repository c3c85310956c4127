import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { toProblem } from './problem.js';

describe('toProblem', () => {
  it('hides the details of a 5xx and marks it for the log', () => {
    const { problem, internal } = toProblem(new Error('password=hunter2 at db.ts:42'), 'req-1');
    expect(internal).toBe(true);
    expect(problem).toEqual({
      type: 'urn:zanstat:problem:internal_error',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. The request id identifies it in our logs.',
      code: 'internal_error',
      requestId: 'req-1',
    });
  });

  it.each([
    ['23505', 409, 'already_exists'],
    ['23503', 422, 'unknown_reference'],
    ['40001', 409, 'concurrent_change'],
    ['57P01', 503, 'database_unavailable'],
  ])('translates SQLSTATE %s by its code, not its message', (code, status, name) => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint'), { code });
    expect(toProblem(err, 'r').problem).toMatchObject({ status, code: name });
  });

  it.each([
    ['invalid_input', 422],
    ['malformed', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['too_large', 413],
    ['unsupported_media', 415],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('maps the category %s to %i', (category, status) => {
    expect(toProblem(new DomainError(category, 'x', 'm'), 'r').problem.status).toBe(status);
  });
});
