// The registers' API: the public reads (the registers, a register on a day, an entry's history) and
// the staff's import of a new state of a list (CSV body, validated as a whole, all or nothing).
import { Type } from '@sinclair/typebox';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import {
  EntryHistorySchema,
  ImportSchema,
  RegisterListSchema,
  RegisterOnSchema,
} from './registers.schemas.js';
import { importRegisterList, listRegisters, readRegister, readRegisterEntry } from './registers.service.js';

const { actorSecurity, problems } = schemas;
const tags = ['registers'];
const Id = Type.String({
  pattern: '^[a-z0-9-]+$',
  maxLength: 100,
  description: 'the register id (catalogue)',
});
const DayText = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });

export function registerRegisterRoutes(app: HttpApp, deps: Deps): void {
  // text/csv is parsed by the server, with the upload limits applied

  app.get(
    '/api/v1/registers',
    {
      schema: {
        tags,
        summary: 'The registers of Order 84 (banned organisations and materials), each with its count today',
        response: { 200: RegisterListSchema },
      },
    },
    async (req) => listRegisters(deps, req.actor, undefined),
  );

  app.get(
    '/api/v1/registers/:id',
    {
      schema: {
        tags,
        summary:
          'The entries of a register in force on a day (today by default); before its first known date, known: false and no list',
        params: Type.Object({ id: Id }),
        querystring: Type.Object(
          {
            on: Type.Optional(DayText),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'words of a title, any case' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RegisterOnSchema, ...problems(400, 404, 422) },
      },
    },
    async (req) => readRegister(deps, req.actor, { id: req.params.id, ...req.query }),
  );

  app.get(
    '/api/v1/registers/:id/entries/:seq',
    {
      schema: {
        tags,
        summary: "An entry's history: every version with the days it was in force and the decisions",
        params: Type.Object({ id: Id, seq: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        response: { 200: EntryHistorySchema, ...problems(400, 404) },
      },
    },
    async (req) => readRegisterEntry(deps, req.actor, { id: req.params.id, seq: req.params.seq }),
  );

  app.post(
    '/api/v1/staff/registers/:id/imports',
    {
      schema: {
        tags,
        summary:
          'Import a new state of a whole list (CSV: seq,name_ru[,name_kk_field,raw_name_ru,egov_dataset]): rows gone are removed the day before validFrom, new rows added, changed rows a new version; all or nothing',
        security: actorSecurity,
        consumes: ['text/csv'],
        params: Type.Object({ id: Id }),
        querystring: Type.Object(
          {
            validFrom: DayText,
            decision: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 2000,
                description: 'the decision that made this state of the list',
              }),
            ),
            decisionKind: Type.Optional(
              Type.String({ maxLength: 200, description: 'a court decision, say' }),
            ),
            decisionDate: Type.Optional(DayText),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        body: Type.String({ description: 'text/csv', maxLength: 50_000_000 }),
        response: { 201: ImportSchema, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const view = await importRegisterList(
        deps,
        req.actor,
        {
          register: req.params.id,
          validFrom: q.validFrom,
          csv: req.body,
          channel: 'upload',
          fileName: q.fileName ?? null,
          decision:
            q.decision === undefined
              ? null
              : { reference: q.decision, kind: q.decisionKind, date: q.decisionDate },
          pointerBase: '/query',
        },
        metaOf(req),
      );
      return reply
        .code(201)
        .header('location', `/api/v1/registers/${view.register}?on=${view.validFrom}`)
        .send(view);
    },
  );
}
