// The editors' API for releases (bearer token or session): the schedule, approve with a
// publication time, reschedule with a public reason, publish now, revise with a public reason.
import { AnnouncedSchema, ReleaseActionSchema, ReleaseCalendarSchema } from './publishing.answers.js';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Actor, Deps, RequestMeta } from '../../platform/usecase.js';
import { approveRelease, publishReleaseNow, rescheduleRelease, reviseRelease } from './releases.service.js';
import { releaseSchedule } from './releases.query.js';
import { announceReleases } from './releases.announce.js';

const { actorSecurity, problems } = schemas;

const ReleaseParams = Type.Object({
  code: Type.String({ maxLength: 100, description: "the form's code (1-М), slug or alias" }),
  period: Type.String({ maxLength: 10 }),
});
const Reason = Type.String({ maxLength: 2000 });
const PublishAt = Type.String({
  format: 'date-time',
  description:
    'when the release is published (embargoed until then); default: the announced date at the configured time',
});

export function registerStaffRoutes(app: HttpApp, deps: Deps, config: Config): void {
  const defaultTime = config.publicationTime;

  app.get(
    '/api/v1/staff/releases',
    {
      schema: {
        tags: ['publishing'],
        summary: 'The schedule of releases: due, received (with what is missing), approved, published, late',
        security: actorSecurity,
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ maxLength: 10 })),
            to: Type.Optional(Type.String({ maxLength: 10 })),
            form: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(
              Type.Union(
                ['scheduled', 'received', 'approved', 'published', 'revised'].map((s) =>
                  Type.Literal(s),
                ) as never,
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReleaseCalendarSchema, ...problems(401, 403, 422) },
      },
    },
    async (req) =>
      releaseSchedule(deps, req.actor, { ...req.query, lateFromPeriod: config.lateFromPeriod } as never),
  );

  const route = <B extends TObject>(
    path: string,
    summary: string,
    body: B,
    run: (
      actor: Actor,
      ref: { form: string; period: string },
      body: Static<B>,
      meta: RequestMeta,
    ) => Promise<Static<typeof ReleaseActionSchema>>,
  ) =>
    app.post(
      `/api/v1/staff/releases/:code/:period/${path}`,
      {
        schema: {
          tags: ['publishing'],
          summary,
          security: actorSecurity,
          params: ReleaseParams,
          body: Type.Optional(body),
          response: { 200: ReleaseActionSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (req) =>
        run(
          req.actor,
          { form: req.params.code, period: req.params.period },
          (req.body ?? {}) as Static<B>,
          metaOf(req),
        ),
    );

  route(
    'approve',
    'Approve the figures received for publication at a time (embargoed until then); an incomplete release needs its reason',
    Type.Object(
      { publishAt: Type.Optional(PublishAt), incompleteReason: Type.Optional(Reason) },
      { additionalProperties: false },
    ),
    (actor, ref, body, meta) => approveRelease(deps, actor, { ...ref, ...body, defaultTime }, meta),
  );

  route(
    'reschedule',
    'Move the announced date of a release, with a reason that is shown to everyone',
    Type.Object(
      {
        date: Type.String({ maxLength: 10, description: 'the new announced date, YYYY-MM-DD' }),
        reason: Type.Optional(Reason),
        publishAt: Type.Optional(PublishAt),
      },
      { additionalProperties: false },
    ),
    (actor, ref, body, meta) => rescheduleRelease(deps, actor, { ...ref, ...body, defaultTime }, meta),
  );

  route(
    'publish',
    'Publish an approved release (or revision) now',
    Type.Object({}, { additionalProperties: false }),
    (actor, ref, _body, meta) => publishReleaseNow(deps, actor, ref, meta),
  );

  route(
    'revise',
    'Approve the newer revisions of a published release for publication (now by default), with the reason shown to everyone',
    Type.Object(
      {
        reason: Type.Optional(Reason),
        publishAt: Type.Optional(PublishAt),
        incompleteReason: Type.Optional(Reason),
      },
      { additionalProperties: false },
    ),
    (actor, ref, body, meta) => reviseRelease(deps, actor, { ...ref, ...body, defaultTime }, meta),
  );

  app.post(
    '/api/v1/staff/releases/announce',
    {
      schema: {
        tags: ['publishing'],
        summary: 'Announce the releases up to the horizon now (the worker does it every night)',
        security: actorSecurity,
        response: { 200: AnnouncedSchema, ...problems(401, 403) },
      },
    },
    async (req) =>
      announceReleases(
        deps,
        req.actor,
        { horizonMonths: config.releaseHorizonMonths, lateFromPeriod: config.lateFromPeriod },
        metaOf(req),
      ),
  );
}
