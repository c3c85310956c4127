import { Type, type Static } from '@sinclair/typebox';
import {
  IdSchema,
  RegionIdSchema,
  TextSchema,
  TitlesSchema,
  oneOf,
  strict,
  versioned,
} from './common.schema.js';
import { RecipientStatusSchema } from './collection.schema.js';

/** What a reporting body files: a report, for which regions, and the breakdown values of its part. */
export const SubmissionSchema = Type.Object(
  {
    form: IdSchema,
    regions: Type.Union([Type.Literal('all'), Type.Array(RegionIdSchema, { minItems: 1 })]),
    /** Dimension of the report -> the value this body's figures carry, e.g. `{ body: internal-affairs }`. */
    breakdown: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$' }), IdSchema, strict)),
  },
  strict,
);
export type Submission = Static<typeof SubmissionSchema>;

export const ORGANISATION_ROLES = [
  'administrator',
  'legal-statistics-body',
  'responsible-unit',
  'recipient',
  'reporting-body',
] as const;

export const OrganisationSchema = versioned({
  id: IdSchema,
  kind: oneOf([
    'committee',
    'committee-unit',
    'territorial-body',
    'prosecution-body',
    'prosecution-unit',
    'state-body',
    'court',
    'parliament-chamber',
    'placeholder',
  ] as const),
  roles: Type.Array(oneOf(ORGANISATION_ROLES), { minItems: 1 }),
  titles: TitlesSchema,
  /** The name as printed in the act (typos and truncation included). */
  printedKk: Type.Optional(TextSchema),
  appendix1Column: Type.Optional(Type.Integer({ minimum: 1 })),
  appendix1Position: Type.Optional(Type.String({ pattern: '^P[0-9]+$' })),
  parent: Type.Optional(IdSchema),
  region: Type.Optional(RegionIdSchema),
  /** `unresolved`: known only by its place in a table whose header was lost. */
  status: RecipientStatusSchema,
  clause: Type.Optional(IdSchema),
  submits: Type.Optional(Type.Array(SubmissionSchema, { minItems: 1 })),
  /** Why the submissions are believed (they are not in the acts). */
  basis: Type.Optional(TextSchema),
});
export type Organisation = Static<typeof OrganisationSchema>;
