import { Type } from '@sinclair/typebox';
import { invalidInput } from '../../platform/errors/index.js';
import { schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { calendarYear, CalendarInputError } from '../calendar/index.js';
import { readCatalog } from './catalog.service.js';

const { problems } = schemas;

/** Input errors of the pure cores (no HTTP status) become a 422 naming the parameter. */
export function asInputError(err: unknown, pointer: string): never {
  if (
    err instanceof CalendarInputError ||
    (err instanceof Error &&
      'code' in err &&
      typeof err.code === 'string' &&
      !(err as { category?: unknown }).category)
  ) {
    const code = (err as { code: string }).code;
    const param = (err as { parameter?: string }).parameter;
    const at = param ? `/query/${param}` : pointer;
    throw invalidInput(err.message, [{ pointer: at, code, message: err.message }], code);
  }
  throw err;
}

const DaySchema = Type.Object({
  date: Type.String(),
  weekday: Type.String(),
  working: Type.Boolean(),
  reason: Type.String({
    description: 'working-day, weekend, holiday, observed-day-off, transferred-day-off, working-by-transfer',
  }),
  description: Type.String(),
  provisional: Type.Boolean(),
});

export function registerObligationRoutes(app: HttpApp, deps: Deps): void {
  app.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags: ['obligations'],
        summary:
          "Every date of a year: working or not, and why (Kazakhstan's 5-day week, holidays, transfers)",
        params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            provisional: Type.Boolean({
              description: 'no decree of transfers loaded for the year: it may change',
            }),
            notes: Type.Array(Type.String()),
            workingDays: Type.Integer(),
            nonWorkingDays: Type.Integer(),
            days: Type.Array(DaySchema),
          }),
          ...problems(422),
        },
      },
    },
    async (req) => {
      const { calendar } = await readCatalog(deps, req.actor, undefined);
      try {
        const y = calendarYear(calendar, req.params.year);
        return {
          ...y,
          days: y.days.map((d) => ({
            date: d.date,
            weekday: d.weekday,
            working: d.working,
            reason: d.reason.kind,
            description: d.description,
            provisional: d.provisional,
          })),
        };
      } catch (err) {
        return asInputError(err, '/params/year');
      }
    },
  );
}
