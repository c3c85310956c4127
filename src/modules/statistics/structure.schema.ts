// The structure of a report form, as data (catalog/structures/<form>/<first period>.yaml):
// its sections, their rows (indicators) and graphs (measure columns), the breakdown its figures
// are given by, access levels, and its control relations. Versioned by the first period it
// applies to: a form that changes layout (3-К in June 2024) has two files.
import { Type, type Static } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;
const Text = Type.String({ minLength: 1 });
/** Data labels: Russian as the workbooks have them; Kazakh and English where a source exists. */
export const LabelSchema = Type.Object(
  { ru: Text, kk: Type.Optional(Text), en: Type.Optional(Text) },
  strict,
);
export type Label = Static<typeof LabelSchema>;

/** Order 25, para 2, item 10: restricted-access information never reaches a public surface. */
export const AccessSchema = Type.Union([
  Type.Literal('public'),
  Type.Literal('official-use'),
  Type.Literal('secret'),
]);
export type Access = Static<typeof AccessSchema>;

export const UnitSchema = Type.Union([
  Type.Literal('count'),
  Type.Literal('persons'),
  Type.Literal('thousand-tenge'),
  Type.Literal('tenge'),
  Type.Literal('percent'),
]);

export const GraphSchema = Type.Object(
  {
    /** the graph's number as printed (1-based) */
    n: Type.Integer({ minimum: 1, maximum: 500 }),
    label: LabelSchema,
    /** the header tree above the graph, outermost first (merged header cells of the workbook) */
    header: Type.Optional(Type.Array(Text)),
    unit: UnitSchema,
    /** integer: counts (non-negative whole numbers); decimal: amounts */
    valueType: Type.Union([Type.Literal('integer'), Type.Literal('decimal')]),
    access: Type.Optional(AccessSchema),
  },
  strict,
);
export type Graph = Static<typeof GraphSchema>;

export const RowKindSchema = Type.Union([
  Type.Literal('total'),
  Type.Literal('gravity'),
  Type.Literal('chapter'),
  Type.Literal('article'),
  Type.Literal('part'),
  Type.Literal('indicator'),
]);

export const RowSchema = Type.Object(
  {
    /** the row's code as printed ("1", "2", "15.1") */
    code: Type.String({ pattern: '^[0-9A-Za-zА-Яа-яЁё._-]{1,20}$' }),
    label: LabelSchema,
    /** the row it is a part of ("из них", "в том числе") */
    parent: Type.Optional(Type.String()),
    kind: RowKindSchema,
    /** Criminal Code article or chapter the row stands for, where it does */
    article: Type.Optional(Type.String()),
    chapter: Type.Optional(Type.Integer({ minimum: 1 })),
    access: Type.Optional(AccessSchema),
  },
  strict,
);
export type Row = Static<typeof RowSchema>;

const GraphList = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 });
const RowList = Type.Array(Type.String(), { minItems: 1 });
const CellRef = Type.Object(
  { row: Type.Optional(Type.String()), graph: Type.Optional(Type.Integer({ minimum: 1 })) },
  strict,
);

/** Control relations: what a submission must satisfy, checked on every value they name. */
export const RelationSchema = Type.Union([
  Type.Object(
    {
      id: Text,
      kind: Type.Literal('sum-of-rows'),
      /** row total = sum of the part rows, in each of `graphs` (default: every integer graph) */
      total: Type.String(),
      parts: RowList,
      graphs: Type.Optional(GraphList),
      note: Type.Optional(Text),
    },
    strict,
  ),
  Type.Object(
    {
      id: Text,
      kind: Type.Literal('sum-of-graphs'),
      /** graph total = sum of the part graphs, in each of `rows` (default: every row) */
      total: Type.Integer({ minimum: 1 }),
      parts: GraphList,
      rows: Type.Optional(RowList),
      note: Type.Optional(Text),
    },
    strict,
  ),
  Type.Object(
    {
      id: Text,
      kind: Type.Literal('not-greater'),
      /** left ≤ right; a side with only `graph` applies to every row, with only `row` to every graph */
      left: CellRef,
      right: CellRef,
      rows: Type.Optional(RowList),
      note: Type.Optional(Text),
    },
    strict,
  ),
]);
export type Relation = Static<typeof RelationSchema>;

export const SectionSchema = Type.Object(
  {
    /** the sheet's name in the official workbook: R1, R1-1, PRIL11 */
    id: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }),
    title: LabelSchema,
    access: Type.Optional(AccessSchema),
    graphs: Type.Array(GraphSchema, { minItems: 1 }),
    rows: Type.Array(RowSchema, { minItems: 1 }),
    relations: Type.Array(RelationSchema),
  },
  strict,
);
export type Section = Static<typeof SectionSchema>;

export const BreakdownValueSchema = Type.Object(
  { id: Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$' }), label: LabelSchema },
  strict,
);

export const BreakdownSchema = Type.Object(
  {
    /** region: the 2-digit KATO codes in force in the period, `00` the republic; agency: the authority's codes */
    dimension: Type.Union([Type.Literal('region'), Type.Literal('agency')]),
    /** the whole: the republic (`00`) or all agencies (`00000`) */
    total: Type.String(),
    /** for agencies, every value; for regions the catalogue's regions are used */
    values: Type.Optional(Type.Array(BreakdownValueSchema)),
    /** units outside the regions that the form counts (transport, military), where it has them */
    outside: Type.Optional(Type.Array(BreakdownValueSchema)),
  },
  strict,
);

export const FormStructureSchema = Type.Object(
  {
    /** the catalogue's form id (its slug) */
    form: Type.String({ pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$' }),
    /** the first period this structure applies to, in the form's periodicity (2019-01, 2024-Q2, 2022) */
    validFromPeriod: Type.String(),
    /** modelled on the published form rather than taken from it */
    provisional: Type.Boolean(),
    source: Text,
    cumulative: Type.Boolean(),
    access: Type.Optional(AccessSchema),
    breakdown: BreakdownSchema,
    sections: Type.Array(SectionSchema, { minItems: 1 }),
    /** sheets of the official workbook that hold no table (a title page, a service sheet) */
    ignoredSheets: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  strict,
);
export type FormStructure = Static<typeof FormStructureSchema>;
