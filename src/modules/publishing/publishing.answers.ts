// The shapes of the publishing API's answers (the release calendar, the schedule, a period's
// published history, what a staff action did), published in the OpenAPI and used by the
// serializer; test/http/answers.db.test.ts holds every real answer to them. They follow
// releases.query.ts and releases.service.ts: change both together.
import { Type } from '@sinclair/typebox';
import { schemas } from '../../platform/http/index.js';
import { RevisionEntrySchema } from '../statistics/index.js';

const { Nullable, IsoDateTime: DateTime } = schemas;
const LocalDate = Type.String({ description: 'YYYY-MM-DD' });

/** What every publication of a period says of itself. */
const publicationFields = {
  version: Type.Integer(),
  publishedAt: DateTime,
  reason: Nullable(Type.String()),
  imported: Type.Boolean(),
};

const ReleaseStatusSchema = Type.Union(
  ['scheduled', 'received', 'approved', 'published', 'revised'].map((s) => Type.Literal(s)),
);

export const ReleaseViewSchema = Type.Object({
  form: Type.String(),
  code: Type.String(),
  title: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
  period: Type.String(),
  status: ReleaseStatusSchema,
  dueDate: LocalDate,
  due: Type.Array(
    Type.Object({
      channel: Type.String(),
      nominal: LocalDate,
      due: LocalDate,
      act: Type.String(),
      clause: Type.String(),
    }),
    { description: 'the due date on every channel the acts name' },
  ),
  act: Nullable(Type.String()),
  clause: Nullable(Type.String()),
  plannedDate: Type.String({ description: 'the announced date: the due date unless rescheduled' }),
  publishAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
  late: Type.Boolean(),
  demonstration: Type.Boolean({
    description: 'its figures as now published are synthetic demonstration ones, not official statistics',
  }),
  lateDays: Nullable(Type.Integer()),
  publications: Type.Array(
    Type.Object({
      ...publicationFields,
      demonstration: Type.Boolean(),
      missing: Type.Array(Type.String()),
      incompleteReason: Nullable(Type.String()),
    }),
  ),
  reschedules: Type.Array(
    Type.Object({ at: DateTime, from: LocalDate, to: LocalDate, reason: Type.String() }),
  ),
  coverage: Type.Optional(
    Type.Object(
      {
        required: Type.Array(Type.String()),
        received: Type.Array(Type.String()),
        missing: Type.Array(Type.String()),
      },
      { description: 'staff only: what is in and what is waiting' },
    ),
  ),
  pending: Type.Optional(
    Nullable(
      Type.Object({
        version: Type.Integer(),
        publishAt: DateTime,
        approvedBy: Type.String(),
        approvedAt: DateTime,
      }),
    ),
  ),
});

export const ReleaseCalendarSchema = Type.Object({
  from: LocalDate,
  to: LocalDate,
  releases: Type.Array(ReleaseViewSchema),
});

export const PublishedHistorySchema = Type.Object({
  form: Type.String(),
  period: Type.String(),
  revisions: Type.Array(RevisionEntrySchema),
  publications: Type.Array(
    Type.Object({
      ...publicationFields,
      revisionsIncluded: Type.Integer(),
    }),
  ),
});

/** What a staff action on a release did: the release, and its new state or time. */
export const ReleaseActionSchema = Type.Object({
  form: Type.String(),
  period: Type.String(),
  status: Type.Optional(ReleaseStatusSchema),
  publishAt: Type.Optional(Nullable(DateTime)),
  publishedAt: Type.Optional(DateTime),
  plannedDate: Type.Optional(LocalDate),
  version: Type.Optional(Type.Integer()),
});

export const AnnouncedSchema = Type.Object({
  announced: Type.Integer({ description: 'the releases announced now' }),
});
