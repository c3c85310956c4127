// Domain errors carry a stable code and a category, never an HTTP status: one mapper
// (http/problem.ts) turns the category into a status.

export type ErrorCategory =
  | 'invalid_input' // 422
  | 'malformed' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'too_large' // 413
  | 'unsupported_media' // 415
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldProblem {
  /** JSON pointer to the offending value, e.g. `/body/role` or `/query/from`. */
  pointer: string;
  code: string;
  message: string;
  /** what the message is made of (the cell, the figures), for the message in other languages */
  params?: Readonly<Record<string, string | number>>;
}

export class DomainError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
    /** what the message is made of, for the message in other languages */
    readonly params?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (message: string, errors: FieldProblem[] = [], code = 'invalid_input') =>
  new DomainError('invalid_input', code, message, errors);
export const notFound = (what: string, code = 'not_found') =>
  new DomainError('not_found', code, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this.', code = 'forbidden') =>
  new DomainError('forbidden', code, message);
export const unauthenticated = (
  message = 'Sign in or present a valid API token.',
  code = 'unauthenticated',
) => new DomainError('unauthenticated', code, message);
export const conflict = (message: string, code = 'conflict') => new DomainError('conflict', code, message);
