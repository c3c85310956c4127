import { Type, type TSchema } from '@sinclair/typebox';

// Shared response pieces: the problem shape, and the security requirement of actor routes.

const ProblemParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
  description:
    'what the message is made of (cell, figures, relation), so that a client can word it itself; `message` and `detail` are in the language asked by Accept-Language (kk, ru, en), English by default',
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    headline: Type.Optional(
      Type.String({
        description: 'what the code means, in the language asked by Accept-Language (kk, ru, en)',
      }),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String(),
          code: Type.String(),
          message: Type.String(),
          headline: Type.Optional(Type.String()),
          params: Type.Optional(ProblemParams),
        }),
      ),
    ),
    params: Type.Optional(ProblemParams),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const actorSecurity: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];

/** The error responses a route with an actor can give, for its OpenAPI entry. */
export function problems(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

const Scalars = [Type.String(), Type.Number(), Type.Boolean(), Type.Null()];
const AnyObject = Type.Object({}, { additionalProperties: true });

/** A JSON object whose members vary (a journal summary): said, never `{}`; typed `unknown`. */
export const JsonObject = (description: string) =>
  Type.Unsafe<unknown>(Type.Object({}, { additionalProperties: true, description }));

/** Any JSON value (a scalar, a list, an object), where the answer carries what another party sent. */
export const JsonValue = (description: string) =>
  Type.Unsafe<unknown>(
    Type.Union([...Scalars, Type.Array(Type.Union([...Scalars, AnyObject])), AnyObject], { description }),
  );

/** A value or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const IsoDateTime = Type.String({ format: 'date-time' });
export const Uuid = Type.String({ format: 'uuid' });
