import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, TitlesSchema, oneOf, strict, versioned } from './common.schema.js';

export const DATASET_UPDATE_PERIODS = [
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'on-arrival',
  'permanent',
] as const;

export const MadeFromSchema = Type.Union([
  Type.Object({ kind: Type.Literal('form'), form: IdSchema }, strict),
  Type.Object({ kind: Type.Literal('register'), register: IdSchema }, strict),
  Type.Object({ kind: Type.Literal('organisation-structure') }, strict),
]);
export type MadeFrom = Static<typeof MadeFromSchema>;

// Order 84: the open datasets of the prosecution bodies on the open-data portal.
export const DatasetSchema = versioned({
  id: IdSchema,
  listNo: Type.Integer({ minimum: 1 }),
  titles: TitlesSchema,
  /** Order 84, column "Өзектендіру кезеңі"; `on-arrival` is "ақпараттың келіп түсуіне қарай", `permanent` "тұрақты". */
  updatePeriod: oneOf(DATASET_UPDATE_PERIODS),
  /** Order 84, column "Ұсыну мерзімі": day of the month after the period; null = as information arrives. */
  dueDay: Type.Union([Type.Integer({ minimum: 1, maximum: 31 }), Type.Null()]),
  source: TitlesSchema,
  responsibleUnits: Type.Array(IdSchema, { minItems: 1 }),
  madeFrom: MadeFromSchema,
  act: IdSchema,
  clause: IdSchema,
});
export type Dataset = Static<typeof DatasetSchema>;

/** A list kept with its change history (banned organisations and materials, and the like). */
export const RegisterSchema = versioned({
  id: IdSchema,
  titles: TitlesSchema,
  entryKind: oneOf(['organisation', 'material', 'person'] as const),
  containsPersonalData: Type.Boolean(),
});
export type Register = Static<typeof RegisterSchema>;
