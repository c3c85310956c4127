/**
 * Stable codes for calendar input errors. They carry no HTTP status: the platform's one error
 * mapper turns them into `application/problem+json` (a 422 naming the parameter).
 */
export type CalendarInputErrorCode =
  'invalid_date' | 'invalid_period' | 'invalid_range' | 'invalid_term' | 'calendar_exhausted';

export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';

  constructor(
    readonly code: CalendarInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One problem found in a calendar file: the file, the JSON pointer inside it, and what is wrong. */
export interface CalendarFileProblem {
  file: string;
  pointer: string;
  message: string;
}

export class CalendarLoadError extends Error {
  override readonly name = 'CalendarLoadError';

  constructor(readonly problems: readonly CalendarFileProblem[]) {
    super(
      `calendar catalogue has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}${p.pointer ? ` at ${p.pointer}` : ''}: ${p.message}`).join('\n'),
    );
  }
}
