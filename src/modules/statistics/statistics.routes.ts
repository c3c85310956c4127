import { Type } from '@sinclair/typebox';
import { PassThrough } from 'node:stream';
import { DomainError, invalidInput } from '../../platform/errors/index.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { listRevisions, readSeries, readTable } from './statistics.query.js';
import { submitFigures } from './statistics.service.js';
import { partsFromCsv } from './submission.csv.js';
import {
  tableToCsv,
  tableToJsonStat,
  writeTablePdf,
  writeTableXlsx,
  writeTemplateXlsx,
} from './exports/index.js';
import { submissionTemplate } from './submission.template.js';
import { submitWorkbook } from './submission.workbook.js';

const { actorSecurity, problems } = schemas;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
// Checked by the submission's own validation (number, numeric text, or null for an empty cell),
// not by the schema: ajv's type coercion would turn null into 0 and 0 into null.
const Value = Type.Unknown({ description: 'a number, a number as text, or null for an empty cell' });

export function registerStatisticsRoutes(app: HttpApp, deps: Deps): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

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
      if (csvProblems.length)
        throw new DomainError(
          'invalid_input',
          'submission_rejected',
          `The CSV is refused: ${csvProblems.length} problem(s). Nothing was stored.`,
          csvProblems.slice(0, 200),
        );
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

  app.get(
    '/api/v1/forms/:code/tables/:period',
    {
      schema: {
        tags: ['statistics'],
        summary: 'A whole table: one section of a form for a period, every region (with the republic) or one',
        params: Type.Object({
          code: Type.String({ maxLength: 100, description: "the form's code (1-М), slug (1-m) or alias" }),
          period: Type.String({
            maxLength: 10,
            description: 'YYYY-MM (for a cumulative form: January to that month), YYYY-Qn, YYYY-Hn, YYYY',
          }),
        }),
        querystring: Type.Object(
          {
            section: Type.Optional(
              Type.String({
                maxLength: 20,
                description: "the section (R1, R1-1, …); default: the form's first",
              }),
            ),
            region: Type.Optional(
              Type.String({ maxLength: 20, description: 'a breakdown value, or all (default)' }),
            ),
            asOf: Type.Optional(
              Type.String({ format: 'date-time', description: 'the revisions current at this moment' }),
            ),
            format: Type.Optional(
              Type.Union(
                [
                  Type.Literal('json'),
                  Type.Literal('csv'),
                  Type.Literal('xlsx'),
                  Type.Literal('pdf'),
                  Type.Literal('json-stat'),
                ],
                {
                  description: 'one query, many formats; the PDF is of one region at a time (?region=)',
                },
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
        ),
        response: { 200: Type.Unknown(), ...problems(404, 422) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const table = await readTable(deps, req.actor, {
        form: req.params.code,
        section: q.section,
        period: req.params.period,
        breakdown: q.region,
        asOf: q.asOf ? new Date(q.asOf) : undefined,
        compare: q.compare === 'previous-year',
      });
      const lang = q.lang ?? 'kk';
      const name = `${table.form.id}_${table.section.id}_${table.period}`;
      switch (q.format) {
        case undefined:
        case 'json':
          return table;
        case 'json-stat':
          return reply.type('application/json; charset=utf-8').send(tableToJsonStat(table, { lang }));
        case 'xlsx': {
          const out = new PassThrough();
          void writeTableXlsx(table, { lang }, out).catch((err: unknown) => out.destroy(err as Error));
          return reply
            .type(XLSX_TYPE)
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(out);
        }
        case 'pdf': {
          // pdfmake lays out synchronously: a whole national table (hundreds of pages) would hold
          // the server; one region's table is a few pages.
          if (table.columns.length > 1) {
            throw invalidInput('A PDF is made of one region at a time.', [
              {
                pointer: '/query/region',
                code: 'region_required',
                message: 'name one region (or 00) for a PDF',
              },
            ]);
          }
          const pdf = await writeTablePdf(table, { lang });
          return reply
            .type('application/pdf')
            .header('content-disposition', `attachment; filename="${name}.pdf"`)
            .send(pdf);
        }
        case 'csv':
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(tableToCsv(table));
      }
    },
  );

  app.get(
    '/api/v1/forms/:code/revisions/:period',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Every revision of a period, current and superseded: who submitted it, when, and why',
        params: Type.Object({
          code: Type.String({ maxLength: 100 }),
          period: Type.String({ maxLength: 10 }),
        }),
        response: { 200: Type.Unknown(), ...problems(404, 422) },
      },
    },
    async (req) => listRevisions(deps, req.actor, { form: req.params.code, period: req.params.period }),
  );

  app.get(
    '/api/v1/forms/:code/series',
    {
      schema: {
        tags: ['statistics'],
        summary: 'One cell of a form across periods (a series), for one region or agency',
        params: Type.Object({ code: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object(
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
        ),
        response: { 200: Type.Unknown(), ...problems(404, 422) },
      },
    },
    async (req) => {
      const q = req.query;
      return readSeries(deps, req.actor, {
        form: req.params.code,
        section: q.section,
        row: q.row,
        graph: q.graph,
        breakdown: q.region,
        from: q.from,
        to: q.to,
      });
    },
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
