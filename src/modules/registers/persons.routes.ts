// The register of persons on the API (docs/decisions/0011): a search by a whole full name,
// rate-limited per address and journaled; staff add and remove entries with their decisions.
// There is no route that lists the entries.
import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { addPerson, PERSONS_REGISTER, removePerson, searchPersons } from './persons.service.js';

const { actorSecurity, problems } = schemas;
const tags = ['registers'];
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Decision = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 200, description: 'a judgment, an appeal ruling …' }),
    reference: Type.String({
      minLength: 1,
      maxLength: 500,
      description: "the decision's number or reference",
    }),
    date: Day,
  },
  { additionalProperties: false },
);
const PersonSchema = Type.Object(
  {
    id: Type.Union([Type.Integer(), Type.Null()], { description: 'null for a demonstration entry' }),
    fullName: Type.String(),
    birthYear: Type.Union([Type.Integer(), Type.Null()]),
    criminalCodeArticles: Type.String({ description: 'articles 120-124 of the Criminal Code' }),
    judgmentInForceOn: Type.String({ format: 'date' }),
    court: Type.String(),
    shownUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    fictional: Type.Boolean({ description: 'a demonstration entry: an invented person, not a real one' }),
    decision: Type.Union([Decision, Type.Null()]),
  },
  { additionalProperties: false },
);

export function registerPersonsRoutes(app: HttpApp, deps: Deps, config: Config): void {
  app.get(
    `/api/v1/registers/${PERSONS_REGISTER}/search`,
    {
      config: { rateLimit: { max: config.rateLimitPersonsSearch, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'Search the register of persons (Order 84, item 23) by a whole full name; no listing, no partial name; rate-limited per address and journaled',
        querystring: Type.Object(
          {
            fullName: Type.String({
              minLength: 1,
              maxLength: 300,
              description: 'surname, first name, patronymic',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            register: Type.String(),
            on: Type.String({ format: 'date' }),
            found: Type.Array(PersonSchema),
          }),
          ...problems(400, 422, 429),
        },
      },
    },
    async (req) =>
      searchPersons(
        deps,
        req.actor,
        { fullName: req.query.fullName, demonstration: config.personsRegisterDemonstration },
        metaOf(req),
      ),
  );

  app.post(
    `/api/v1/staff/registers/${PERSONS_REGISTER}/entries`,
    {
      schema: {
        tags,
        summary:
          'Add an entry to the register of persons with the decision that grounds it (editors, the administrator)',
        security: actorSecurity,
        body: Type.Object(
          {
            fullName: Type.String({ minLength: 1, maxLength: 300 }),
            birthYear: Type.Optional(
              Type.Union([Type.Integer({ minimum: 1900, maximum: 2100 }), Type.Null()]),
            ),
            criminalCodeArticles: Type.String({
              minLength: 1,
              maxLength: 100,
              description: 'e.g. "120, 122"',
            }),
            judgmentInForceOn: Day,
            court: Type.String({ minLength: 1, maxLength: 500 }),
            shownUntil: Type.Optional(Type.Union([Day, Type.Null()])),
            decision: Decision,
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await addPerson(deps, req.actor, req.body, metaOf(req))),
  );

  app.post(
    `/api/v1/staff/registers/${PERSONS_REGISTER}/entries/:entry/removal`,
    {
      schema: {
        tags,
        summary: 'Remove an entry from the register of persons with the decision that grounds it',
        security: actorSecurity,
        params: Type.Object({ entry: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) }),
        body: Type.Object({ decision: Decision }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.Integer(), removed: Type.Literal(true) }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) =>
      removePerson(deps, req.actor, { id: req.params.entry, decision: req.body.decision }, metaOf(req)),
  );
}
