import { Type } from '@sinclair/typebox';
import { invalidInput } from '../../platform/errors/index.js';
import { schemas, type HttpApp } from '../../platform/http/index.js';
import type { Actor, Deps } from '../../platform/usecase.js';
import type { Config } from '../../platform/config.js';
import { localDateOf } from '../../platform/clock.js';
import {
  addCalendarDays,
  calendarYear,
  CalendarInputError,
  localDate,
  type LocalDate,
} from '../calendar/index.js';
import { readCatalog } from './catalog.service.js';
import { NoticeSchema } from './catalog.routes.js';
import { listObligations, ObligationInputError, type ObligationDue } from './obligations.js';
import { obligationsToICalendar } from './obligations.ics.js';
import { repealNotices } from './validity.js';

const { problems } = schemas;

/** Input errors of the pure cores (no HTTP status) become a 422 naming the parameter. */
export function asInputError(err: unknown, pointer: string): never {
  // Only the pure cores' own input errors: a database error also carries a string code.
  if (err instanceof CalendarInputError || err instanceof ObligationInputError) {
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

const ObligationsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: 'first due date (default: today)' })),
    to: Type.Optional(
      Type.String({
        format: 'date',
        description: 'last due date (default: from + 90 days); at most 10 years after from',
      }),
    ),
    item: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "a form's code (1-М), slug or alias; a dataset's or a collection's id",
      }),
    ),
    channel: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'information-service, open-data-portal, electronic-collection, …',
      }),
    ),
  },
  { additionalProperties: false },
);

const Titles = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const ObligationSchema = Type.Object({
  item: Type.String({
    description: "the form's code as the act writes it, or a dataset's or collection's id",
  }),
  itemKind: Type.Union([Type.Literal('form'), Type.Literal('dataset'), Type.Literal('collection')]),
  itemId: Type.String(),
  period: Type.String(),
  periodicity: Type.String(),
  channel: Type.String(),
  nominal: Type.String({ description: 'the day the act names' }),
  due: Type.String({ description: 'rolled to the next working day (Order 25, para 13)' }),
  rolled: Type.Boolean(),
  provisional: Type.Boolean({ description: 'the calendar of that year has no decree loaded: it may change' }),
  act: Type.String(),
  clause: Type.String(),
  dataset: Type.Optional(Type.String()),
  title: Titles,
});

export function registerObligationRoutes(app: HttpApp, deps: Deps, config: Config): void {
  const query = async (actor: Actor, q: { from?: string; to?: string; item?: string; channel?: string }) => {
    const from = (q.from ?? localDateOf(deps.clock.now())) as LocalDate;
    const to = (q.to ?? addCalendarDays(localDate(from), 90)) as LocalDate;
    const { catalog, calendar } = await readCatalog(deps, actor, undefined);
    try {
      const items = listObligations(catalog, calendar, {
        from: localDate(from),
        to: localDate(to),
        item: q.item,
        channel: q.channel,
      });
      return {
        from,
        to,
        items,
        notices: repealNotices(catalog, items as Parameters<typeof repealNotices>[1], to),
      };
    } catch (err) {
      return asInputError(err, '/query');
    }
  };

  app.get(
    '/api/v1/obligations',
    {
      schema: {
        tags: ['obligations'],
        summary:
          'Every obligation due in a date range, with its due date on the working-day calendar and its legal basis',
        querystring: ObligationsQuery,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            items: Type.Array(ObligationSchema),
            notices: Type.Array(NoticeSchema),
          }),
          ...problems(422),
        },
      },
    },
    async (req) => query(req.actor, req.query),
  );

  app.get(
    '/api/v1/obligations.ics',
    {
      schema: {
        tags: ['obligations'],
        summary: 'The same obligations as an iCalendar feed (RFC 5545), for a calendar application',
        querystring: ObligationsQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...problems(422) },
      },
    },
    async (req, reply) => {
      const r = await query(req.actor, req.query);
      const ics = obligationsToICalendar(r.items as ObligationDue[], {
        calendarName: 'zanstat — obligations',
        now: deps.clock.now(),
        baseUrl: config.publicBaseUrl,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="obligations.ics"')
        .send(ics);
    },
  );

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
