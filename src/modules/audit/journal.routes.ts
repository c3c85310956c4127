import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { stringify } from 'csv-stringify';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import { invalidInput } from '../../platform/errors/index.js';
import type { Deps } from '../../platform/usecase.js';
import { exportJournal, listJournal, streamJournal, verifyJournal } from './journal.service.js';
import type { JournalEntry, JournalFilter } from './journal.repository.js';

const { actorSecurity, problems } = schemas;

const FilterQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'entries at or after this instant' }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'entries before this instant' })),
    action: Type.Optional(
      Type.String({ maxLength: 200, description: 'exact action, or a prefix ending in .*' }),
    ),
    actorId: Type.Optional(Type.String({ maxLength: 200 })),
    objectType: Type.Optional(Type.String({ maxLength: 100 })),
    objectId: Type.Optional(Type.String({ maxLength: 200 })),
    organisationId: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
const PageQuery = Type.Object(
  {
    ...FilterQuery.properties,
    before: Type.Optional(
      Type.Integer({ minimum: 1, description: 'return entries with seq below this (next page)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

const EntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  summary: schemas.JsonObject('what the action changed, by the action (docs/journal-events.md)'),
  requestId: Type.Union([Type.String(), Type.Null()]),
  clientAddress: Type.Union([Type.String(), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
});

const present = (e: JournalEntry) => ({ ...e, at: e.at.toISOString() });

function toFilter(q: Static<typeof FilterQuery>): JournalFilter {
  const filter: JournalFilter = {
    action: q.action,
    actorId: q.actorId,
    objectType: q.objectType,
    objectId: q.objectId,
    organisationId: q.organisationId,
  };
  if (q.from) filter.from = new Date(q.from);
  if (q.to) filter.to = new Date(q.to);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalidInput('"from" is after "to".', [
      { pointer: '/query/from', code: 'range_reversed', message: 'must not be after "to"' },
    ]);
  }
  return filter;
}

const csvColumns = [
  'seq',
  'at',
  'actorKind',
  'actorId',
  'actorName',
  'role',
  'organisationId',
  'action',
  'objectType',
  'objectId',
  'summary',
  'requestId',
  'clientAddress',
  'prevHash',
  'hash',
] as const;

export function registerJournalRoutes(app: HttpApp, deps: Deps): void {
  app.get(
    '/api/v1/staff/journal',
    {
      schema: {
        tags: ['journal'],
        summary: 'Read the log journal, newest first, with filters and keyset paging',
        security: actorSecurity,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(EntrySchema),
            total: Type.Integer(),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...problems(401, 403, 422),
        },
      },
    },
    async (req) => {
      const r = await listJournal(deps, req.actor, {
        filter: toFilter(req.query),
        before: req.query.before,
        limit: req.query.limit ?? 50,
      });
      return { ...r, items: r.items.map(present) };
    },
  );

  app.get(
    '/api/v1/staff/journal.csv',
    {
      schema: {
        tags: ['journal'],
        summary: 'Export the log journal as CSV (UTF-8 with BOM), oldest first, streamed',
        security: actorSecurity,
        querystring: FilterQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...problems(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const filter = toFilter(req.query);
      await exportJournal(deps, req.actor, { filter }, metaOf(req));
      const entries = await streamJournal(deps, req.actor, { filter });
      const rows = Readable.from(
        (async function* () {
          for await (const e of entries) {
            yield csvColumns.map((c) =>
              c === 'at' ? e.at.toISOString() : c === 'summary' ? JSON.stringify(e.summary) : e[c],
            );
          }
        })(),
      );
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="journal.csv"');
      return reply.send(
        rows.pipe(stringify({ header: true, columns: [...csvColumns], bom: true })) as unknown as string,
      );
    },
  );

  app.get(
    '/api/v1/staff/journal/verification',
    {
      schema: {
        tags: ['journal'],
        summary: 'Recompute the hash chain and report the first broken link',
        security: actorSecurity,
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            lastSeq: Type.Integer(),
            firstBreak: Type.Union([
              Type.Object({ seq: Type.Integer(), reason: Type.String() }),
              Type.Null(),
            ]),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (req) => verifyJournal(deps, req.actor, undefined),
  );
}
