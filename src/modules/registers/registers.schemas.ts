// Response schemas of the registers' API (validation, serialisation and OpenAPI from one source).
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });

export const DecisionSchema = Type.Object(
  {
    inSource: Type.Boolean({ description: 'whether the source gives the decision' }),
    kind: Nullable(Type.String()),
    reference: Nullable(Type.String()),
    date: Nullable(Day),
    note: Nullable(Type.String({ description: '"not in the source" when the source gives no decision' })),
  },
  { additionalProperties: false },
);

export const EntrySchema = Type.Object(
  {
    seq: Type.Integer({ description: "the entry's sequence number in the published list" }),
    version: Type.Integer({ description: 'the version of the entry; a changed entry is a new version' }),
    nameRu: Type.String({ description: "the title from the source's Russian-language field (cleaned)" }),
    nameKkField: Nullable(
      Type.String({
        description:
          'what the source publishes in its Kazakh-language field (namKz); in the capture of 2025-03-26 it repeats nameRu in every row, so it is not a Kazakh title',
      }),
    ),
    rawNameRu: Nullable(Type.String({ description: "the source's Russian-language field as published" })),
    egovDataset: Nullable(Type.String({ description: 'the data.egov.kz dataset the row came from' })),
    validFrom: Day,
    validUntil: Type.Union([Day, Type.Null()], { description: 'the last day in force; null while in force' }),
    added: Type.Object({ importId: Type.Integer(), decision: DecisionSchema }),
    ended: Type.Union([
      Type.Object({
        as: Type.Union([Type.Literal('removed'), Type.Literal('replaced')]),
        importId: Type.Integer(),
        decision: DecisionSchema,
      }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

const Titles = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

export const RegisterListSchema = Type.Object({
  today: Day,
  registers: Type.Array(
    Type.Object({
      id: Type.String(),
      titles: Titles,
      entryKind: Type.String(),
      containsPersonalData: Type.Boolean(),
      offered: Type.Boolean({
        description: 'false for a register of personal data: search-only, not yet offered',
      }),
      today: Day,
      known: Type.Boolean({ description: "whether the register's content is known today" }),
      countToday: Type.Union([Type.Integer(), Type.Null()], {
        description: 'entries in force today; null when not known',
      }),
      firstKnownDate: Type.Union([Day, Type.Null()], { description: 'the day of its first import' }),
      lastImportedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
});

export const RegisterOnSchema = Type.Object(
  {
    register: Type.String(),
    on: Day,
    known: Type.Boolean({
      description: 'false before the first known date: there is then no list, and no empty list poses as one',
    }),
    firstKnownDate: Type.Union([Day, Type.Null()]),
    note: Nullable(Type.String()),
    q: Nullable(Type.String()),
    total: Type.Optional(Type.Integer({ description: 'entries in force that day (matching q)' })),
    limit: Type.Optional(Type.Integer()),
    offset: Type.Optional(Type.Integer()),
    entries: Type.Optional(Type.Array(EntrySchema)),
  },
  { additionalProperties: false },
);

export const ImportSchema = Type.Object(
  {
    id: Type.Integer(),
    register: Type.String(),
    validFrom: Day,
    channel: Type.Union([Type.Literal('shipped'), Type.Literal('cli'), Type.Literal('upload')]),
    fileName: Nullable(Type.String()),
    sha256: Type.String(),
    rowCount: Type.Integer(),
    added: Type.Integer(),
    changed: Type.Integer(),
    removed: Type.Integer(),
    unchanged: Type.Integer(),
    decision: DecisionSchema,
    importedAt: Type.String({ format: 'date-time' }),
    importedBy: Type.String(),
  },
  { additionalProperties: false },
);

export const EntryHistorySchema = Type.Object(
  {
    register: Type.String(),
    seq: Type.Integer(),
    versions: Type.Array(EntrySchema),
    imports: Type.Array(ImportSchema, { description: 'the imports that added or ended a version' }),
  },
  { additionalProperties: false },
);
