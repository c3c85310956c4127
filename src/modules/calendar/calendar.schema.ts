import { Type, type Static } from '@sinclair/typebox';

// Schemas of the files in catalog/calendar/. Every object is closed (an unknown key is an
// error, so a typo never silently drops a rule); the loader adds the checks that a schema
// cannot express (real dates, references, overlaps), see calendar.loader.ts.

const strict = { additionalProperties: false } as const;

export const YearSchema = Type.Integer({ minimum: 1900, maximum: 2200 });

/** Inclusive years; no `until` means still in force. */
export const YearRangeSchema = Type.Object({ from: YearSchema, until: Type.Optional(YearSchema) }, strict);

export const MonthDaySchema = Type.String({
  pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  description: 'a month and day MM-DD',
});
export const LocalDateTextSchema = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a date YYYY-MM-DD',
});

export const ConfidenceSchema = Type.Union([
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
]);

export const LocalisedNameSchema = Type.Object(
  { kk: Type.String({ minLength: 1 }), ru: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  strict,
);

export const LawReferenceSchema = Type.Object(
  { act: Type.String({ minLength: 1 }), clause: Type.Optional(Type.String({ minLength: 1 })) },
  strict,
);

export const HolidayCategorySchema = Type.Union([
  Type.Literal('state'),
  Type.Literal('national'),
  Type.Literal('religious'),
]);

export const FixedHolidayDateSchema = Type.Object(
  { monthDay: MonthDaySchema, years: Type.Array(YearRangeSchema, { minItems: 1 }) },
  strict,
);

/** A holiday whose date changes every year and is listed per year in its own table file. */
export const MovableHolidayDatesSchema = Type.Object(
  { table: Type.Literal('kurban-ait'), years: Type.Array(YearRangeSchema, { minItems: 1 }) },
  strict,
);

export const HolidaySchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'a kebab-case id' }),
    name: LocalisedNameSchema,
    category: HolidayCategorySchema,
    movesIfOnWeekend: Type.Boolean(),
    law: LawReferenceSchema,
    dates: Type.Optional(Type.Array(FixedHolidayDateSchema, { minItems: 1 })),
    movable: Type.Optional(MovableHolidayDatesSchema),
    source: Type.String({ minLength: 1 }),
    confidence: ConfidenceSchema,
    note: Type.Optional(Type.String({ minLength: 1 })),
  },
  strict,
);

export const HolidaysFileSchema = Type.Object(
  { holidays: Type.Array(HolidaySchema, { minItems: 1 }) },
  strict,
);

export const KurbanAitDateSchema = Type.Object(
  {
    year: YearSchema,
    date: LocalDateTextSchema,
    confidence: ConfidenceSchema,
    estimated: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String({ minLength: 1 })),
  },
  strict,
);

export const KurbanAitFileSchema = Type.Object(
  {
    holiday: Type.Literal('kurban-ait'),
    dates: Type.Array(KurbanAitDateSchema),
    source: Type.String({ minLength: 1 }),
  },
  strict,
);

export const DecreeSchema = Type.Object(
  {
    number: Type.String({ minLength: 1 }),
    year: YearSchema,
    date: Type.Optional(LocalDateTextSchema),
    issuer: Type.String({ minLength: 1 }),
    title: Type.String({ minLength: 1 }),
    adiletId: Type.Optional(Type.String({ minLength: 1 })),
    url: Type.Optional(Type.String({ pattern: '^https?://', description: 'an http(s) URL' })),
  },
  strict,
);

export const DayTransferSchema = Type.Object(
  {
    workingDay: LocalDateTextSchema,
    dayOff: LocalDateTextSchema,
    decree: Type.String({ minLength: 1 }),
    note: Type.Optional(Type.String({ minLength: 1 })),
  },
  strict,
);

export const TransferStatusSchema = Type.Union([Type.Literal('decreed'), Type.Literal('provisional')]);

export const TransfersFileSchema = Type.Object(
  {
    year: YearSchema,
    status: TransferStatusSchema,
    decrees: Type.Array(DecreeSchema),
    transfers: Type.Array(DayTransferSchema),
    source: Type.String({ minLength: 1 }),
    confidence: ConfidenceSchema,
    note: Type.Optional(Type.String({ minLength: 1 })),
  },
  strict,
);

export type YearRange = Static<typeof YearRangeSchema>;
export type Confidence = Static<typeof ConfidenceSchema>;
export type LocalisedName = Static<typeof LocalisedNameSchema>;
export type LawReference = Static<typeof LawReferenceSchema>;
export type HolidayCategory = Static<typeof HolidayCategorySchema>;
export type HolidayEntry = Static<typeof HolidaySchema>;
export type HolidaysFile = Static<typeof HolidaysFileSchema>;
export type KurbanAitFile = Static<typeof KurbanAitFileSchema>;
export type DecreeEntry = Static<typeof DecreeSchema>;
export type TransferStatus = Static<typeof TransferStatusSchema>;
export type TransfersFile = Static<typeof TransfersFileSchema>;
