import { RevisionHistorySchema, tableAnswer } from './statistics.answers.js';
import { Type } from '@sinclair/typebox';
import { PassThrough } from 'node:stream';
import { endOfDayInKazakhstan } from '../../platform/clock.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { listRevisions, readTable } from './statistics.query.js';
import { submitFigures } from './statistics.service.js';
import { partsFromCsv } from './submission.csv.js';
import { submissionRefused } from './submission.validate.js';
import { renderTable, TABLE_FORMATS, writeTemplateXlsx, XLSX_TYPE } from './exports/index.js';
import { submissionTemplate } from './submission.template.js';
import { submitWorkbook } from './submission.workbook.js';

const { actorSecurity, problems } = schemas;

const Accepted = Type.Object({
  form: Type.String(),
  code: Type.String(),
  period: Type.String(),
  revisions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      breakdown: Type.String(),
      revision: Type.Integer(),
      valueCount: Type.Integer(),
      supersedes: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
/** `?asOf=`: a date is read at its end in Kazakhstan; a date and time as it is. */
export function asOfMoment(text: string): Date {
  return text.length === 10 ? new Date(endOfDayInKazakhstan(text).getTime() - 1) : new Date(text);
}

export const TableParams = Type.Object({
  code: Type.String({ maxLength: 100, description: "the form's code (1-М), slug (1-m) or alias" }),
  period: Type.String({
    maxLength: 10,
    description: 'YYYY-MM (for a cumulative form: January to that month), YYYY-Qn, YYYY-Hn, YYYY',
  }),
});

export const TableQuery = Type.Object(
  {
    section: Type.Optional(
      Type.String({ maxLength: 20, description: "the section (R1, R1-1, …); default: the form's first" }),
    ),
    region: Type.Optional(Type.String({ maxLength: 20, description: 'a breakdown value, or all (default)' })),
    asOf: Type.Optional(
      Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })], {
        description:
          'the figures as they stood at the end of that day (YYYY-MM-DD, Kazakhstan time) or at that moment',
      }),
    ),
    format: Type.Optional(
      Type.Union(
        TABLE_FORMATS.map((f) => Type.Literal(f)),
        { description: 'one query, many formats; the PDF is of one region at a time (?region=)' },
      ),
    ),
    lang: Type.Optional(Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')])),
    compare: Type.Optional(
      Type.Literal('previous-year', {
        description: 'add the same period of the previous year: values, change and change in %',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SeriesQuery = Type.Object(
  {
    section: Type.String({ maxLength: 20 }),
    row: Type.String({ maxLength: 20 }),
    graph: Type.Integer({ minimum: 1 }),
    region: Type.String({
      maxLength: 20,
      description: 'a breakdown value: a region (00: the republic, if submitted) or an agency',
    }),
    from: Type.String({ maxLength: 10 }),
    to: Type.String({ maxLength: 10 }),
  },
  { additionalProperties: false },
);

// Checked by the submission's own validation (number, numeric text, or null for an empty cell),
// not by the schema: ajv's type coercion would turn null into 0 and 0 into null.
const Value = Type.Unknown({ description: 'a number, a number as text, or null for an empty cell' });

export function registerStatisticsRoutes(app: HttpApp, deps: Deps): void {
  // text/csv and the workbook's type are parsed by the server, with the upload limits applied

  app.post(
    '/api/v1/submissions',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Submit the figures of a form for a period and a breakdown value (region or agency), validated as a whole',
        security: actorSecurity,
        body: Type.Object(
          {
            form: Type.String({ maxLength: 100, description: "the form's code (1-М), slug or alias" }),
            period: Type.String({ maxLength: 10 }),
            breakdown: Type.String({
              maxLength: 20,
              description: 'a 2-digit KATO region code (00: the republic) or an agency code',
            }),
            reason: Type.Optional(
              Type.String({
                maxLength: 2000,
                description: 'why a revision is made (required after the first)',
              }),
            ),
            values: Type.Array(
              Type.Object(
                {
                  section: Type.String({ maxLength: 20 }),
                  row: Type.String({ maxLength: 20 }),
                  graph: Type.Integer({ minimum: 1 }),
                  value: Value,
                },
                { additionalProperties: false },
              ),
              { maxItems: 2_000_000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Accepted, ...problems(401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const values = b.values.map((v, i) => ({ ...v, ref: `/values/${i}` }));
      const r = await submitFigures(
        deps,
        req.actor,
        {
          form: b.form,
          period: b.period,
          reason: b.reason,
          channel: 'api',
          parts: [{ breakdown: b.breakdown, breakdownRef: '/breakdown', values }],
        },
        metaOf(req),
      );
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/submissions/csv',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Submit figures as CSV in long form: section,row,graph,breakdown,value (all breakdowns stored, or none)',
        security: actorSecurity,
        consumes: ['text/csv'],
        querystring: Type.Object(
          {
            form: Type.String({ maxLength: 100 }),
            period: Type.String({ maxLength: 10 }),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        body: Type.String({ description: 'text/csv' }),
        response: { 201: Accepted, ...problems(401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const { parts, problems: csvProblems } = partsFromCsv(req.body);
      if (csvProblems.length) throw submissionRefused(csvProblems);
      const q = req.query;
      const r = await submitFigures(
        deps,
        req.actor,
        { form: q.form, period: q.period, reason: q.reason, channel: 'csv', fileName: q.fileName, parts },
        metaOf(req),
      );
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/submissions/xlsx',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Submit a workbook in the official layout (one sheet per section); form, period and region are taken from the file where it says them',
        security: actorSecurity,
        consumes: [XLSX_TYPE],
        querystring: Type.Object(
          {
            form: Type.Optional(Type.String({ maxLength: 100 })),
            period: Type.Optional(Type.String({ maxLength: 10 })),
            breakdown: Type.Optional(Type.String({ maxLength: 20 })),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Accepted, ...problems(401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const r = await submitWorkbook(
        deps,
        req.actor,
        {
          file: req.body as Buffer,
          fileName: q.fileName,
          form: q.form,
          period: q.period,
          breakdown: q.breakdown,
          reason: q.reason,
        },
        metaOf(req),
      );
      return reply.status(201).send(r);
    },
  );

  // What staff see before publication: the current revisions, every value provisional until
  // published. The public reads of published releases are publishing's.
  app.get(
    '/api/v1/staff/forms/:code/tables/:period',
    {
      schema: {
        tags: ['statistics'],
        summary: 'A whole table of the current (not necessarily published) revisions, for staff',
        security: actorSecurity,
        params: TableParams,
        querystring: TableQuery,
        response: {
          200: tableAnswer('The table in the format asked (?format= or Accept)'),
          ...problems(401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const table = await readTable(deps, req.actor, {
        form: req.params.code,
        section: q.section,
        period: req.params.period,
        breakdown: q.region,
        asOf: q.asOf ? asOfMoment(q.asOf) : undefined,
        compare: q.compare === 'previous-year',
      });
      const out = await renderTable(table, q.format ?? 'json', q.lang ?? 'kk');
      if (out.fileName) reply.header('content-disposition', `attachment; filename="${out.fileName}"`);
      return reply
        .type(out.type)
        .header('cache-control', 'private, no-store')
        .send(out.body as never);
    },
  );

  app.get(
    '/api/v1/staff/forms/:code/revisions/:period',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Every revision of a period, published or not: who submitted it, when, and why',
        security: actorSecurity,
        params: TableParams,
        response: { 200: RevisionHistorySchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => listRevisions(deps, req.actor, { form: req.params.code, period: req.params.period }),
  );

  app.get(
    '/api/v1/submissions/template',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'The XLSX template of a form for a period and a region or agency: every section, prefilled with the current revision',
        security: actorSecurity,
        produces: [XLSX_TYPE],
        querystring: Type.Object(
          {
            form: Type.String({ maxLength: 100 }),
            period: Type.String({ maxLength: 10 }),
            breakdown: Type.String({ maxLength: 20 }),
            lang: Type.Optional(Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ description: 'XLSX' }), ...problems(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const tables = await submissionTemplate(deps, req.actor, {
        form: q.form,
        period: q.period,
        breakdown: q.breakdown,
      });
      const out = new PassThrough();
      void writeTemplateXlsx(tables, { lang: q.lang ?? 'ru' }, out).catch((err: unknown) =>
        out.destroy(err as Error),
      );
      const first = tables[0]!;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="${first.form.id}_${first.period}_${q.breakdown}_template.xlsx"`,
        )
        .send(out as unknown as string);
    },
  );
}
