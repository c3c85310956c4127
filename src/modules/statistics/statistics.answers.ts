// The shapes of the statistics API's answers (a table, a series, a period's revisions), published
// in the OpenAPI and used by the serializer; test/http/answers.db.test.ts holds every real answer
// to them. They follow statistics.table.ts and statistics.query.ts: change both together.
import { Type } from '@sinclair/typebox';
import { schemas } from '../../platform/http/index.js';
import { GraphSchema, LabelSchema, RowSchema } from './structure.schema.js';
import { XLSX_TYPE } from './exports/render.js';

const { Nullable, IsoDateTime: DateTime } = schemas;

const Cells = Type.Record(Type.String(), Type.Array(Nullable(Type.Number())), {
  description: "a row's code → its values, one per graph in the order of `graphs`; null: not available",
});

export const ComparisonSchema = Type.Object({
  period: Type.String({ description: 'the same period of the previous year' }),
  previous: Cells,
  change: Cells,
  changePercent: Cells,
  noData: Type.Boolean({ description: 'the previous period has no figures for this breakdown' }),
  comparable: Type.Boolean({
    description:
      "false: the region's territory changed between the two periods (the 2022 reform): the previous values are given, every change is null",
  }),
  notComparable: Type.Optional(
    Type.Object({
      date: Type.String({ description: 'the first day of the new territory (YYYY-MM-DD)' }),
      basis: Nullable(
        Type.Object(
          { kk: Type.String(), ru: Type.String(), en: Type.String() },
          { description: 'the act that changed the territory, cited in each language' },
        ),
      ),
    }),
  ),
});

export const ValueStatusSchema = Type.Union(
  ['final', 'revised', 'provisional', 'synthetic', 'derived'].map((s) => Type.Literal(s)),
  {
    description:
      'synthetic: demonstration figures, not official statistics; revised: published in place of an earlier publication; provisional: not yet published (staff only); derived: the republic summed from the regions',
  },
);

export const TableColumnSchema = Type.Object({
  breakdown: Type.String({ description: 'the region (00: the republic) or agency' }),
  label: Nullable(LabelSchema),
  kind: Type.Union([Type.Literal('submitted'), Type.Literal('derived')], {
    description: 'derived: the republic as the sum of the regions, not a stored submission',
  }),
  revision: Nullable(Type.Integer()),
  submittedAt: Nullable(DateTime),
  origin: Nullable(Type.String()),
  status: ValueStatusSchema,
  values: Cells,
  revised: Type.Optional(
    Type.Record(Type.String(), Type.Array(Type.Integer()), {
      description: 'a row → the graphs whose value differs from the publication before',
    }),
  ),
  comparison: Type.Optional(ComparisonSchema),
});

export const PublicationSchema = Type.Object({
  release: Type.Object({ form: Type.String(), period: Type.String(), dueDate: Nullable(Type.String()) }),
  version: Type.Integer(),
  publishedAt: DateTime,
  reason: Nullable(Type.String()),
  imported: Type.Boolean(),
  act: Nullable(Type.String()),
  clause: Nullable(Type.String()),
});

export const TableSchema = Type.Object(
  {
    form: Type.Object({
      id: Type.String(),
      code: Type.String(),
      titles: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
    }),
    section: Type.Object({ id: Type.String(), title: LabelSchema }),
    period: Type.String(),
    cumulative: Type.Boolean({ description: 'each value runs from January to the end of the period' }),
    provisionalStructure: Type.Boolean(),
    graphs: Type.Array(GraphSchema),
    rows: Type.Array(RowSchema),
    columns: Type.Array(TableColumnSchema),
    notice: Nullable(Type.String({ description: 'demonstration or imported figures, said where shown' })),
    republic: Nullable(
      Type.Object({
        stored: Type.Boolean(),
        derivedFrom: Type.Array(Type.String()),
        missingRegions: Type.Array(Type.String()),
      }),
    ),
    coverage: Nullable(
      Type.Object(
        {
          regions: Type.Integer({ description: 'the regions with figures' }),
          of: Type.Integer({ description: "the regions in force at the period's end" }),
          complete: Type.Boolean(),
          missing: Type.Array(Type.Object({ id: Type.String(), label: Nullable(LabelSchema) }), {
            description: 'the regions without figures, named',
          }),
        },
        {
          description:
            'tables by region: how many of the regions the figures come from; a republic summed from part of them is not the republic',
        },
      ),
    ),
    publication: Type.Optional(PublicationSchema),
  },
  { description: 'A table of a form: one section for one period, a column per region or agency' },
);

const JsonStatCategory = Type.Object({
  index: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Record(Type.String(), Type.Integer())])),
  label: Type.Optional(Type.Record(Type.String(), Type.String())),
  note: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
  unit: Type.Optional(Type.Record(Type.String(), Type.Object({}, { additionalProperties: true }))),
});

export const JsonStatDatasetSchema = Type.Object(
  {
    version: Type.Literal('2.0'),
    class: Type.Literal('dataset'),
    label: Type.String(),
    source: Type.String(),
    updated: Type.Optional(Type.String()),
    id: Type.Array(Type.String()),
    size: Type.Array(Type.Integer()),
    role: Type.Object({
      geo: Type.Optional(Type.Array(Type.String())),
      metric: Type.Optional(Type.Array(Type.String())),
    }),
    dimension: Type.Record(Type.String(), Type.Object({ label: Type.String(), category: JsonStatCategory })),
    value: Type.Array(Nullable(Type.Number())),
    status: Type.Optional(Type.Record(Type.String(), Type.String())),
    note: Type.Optional(Type.Array(Type.String())),
    extension: Type.Object(
      {},
      { additionalProperties: true, description: "zanstat's own: the form, period, notice" },
    ),
  },
  { description: 'The same table as a JSON-stat 2.0 dataset (?format=json-stat)' },
);

/** A table in each of its formats: the OpenAPI's content of a table route's 200. */
export const tableAnswer = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: Type.Union([TableSchema, JsonStatDatasetSchema], {
        description: 'the table (default, ?format=json) or its JSON-stat dataset (?format=json-stat)',
      }),
    },
    'text/csv': { schema: Type.String({ description: 'the table as CSV (?format=csv)' }) },
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary', description: 'a workbook (?format=xlsx)' }) },
    'application/pdf': {
      schema: Type.String({ format: 'binary', description: "one region's table (?format=pdf&region=…)" }),
    },
  },
});

export const SeriesSchema = Type.Object({
  form: Type.String(),
  cumulative: Type.Boolean(),
  points: Type.Array(
    Type.Object({
      period: Type.String(),
      value: Nullable(Type.Number()),
      revision: Type.Integer(),
      origin: Type.String(),
    }),
  ),
});

export const RevisionEntrySchema = Type.Object({
  breakdown: Type.String(),
  revision: Type.Integer(),
  submittedAt: DateTime,
  supersededAt: Nullable(DateTime),
  submittedBy: Type.String(),
  organisationId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  channel: Type.String(),
  valueCount: Type.Integer(),
  origin: Type.String(),
});

export const RevisionHistorySchema = Type.Object({
  form: Type.String(),
  period: Type.String(),
  revisions: Type.Array(RevisionEntrySchema),
});
