// Every operation of zanstat is a named use case shared by the API, the pages, the CLI and the
// jobs. A use case takes an Actor and checks its policy before anything else; a command runs in
// one transaction and must write its log-journal entry in that transaction (Order 25, para 2,
// item 1), or it fails: the runtime checks that authorisation ran and that the change was
// journaled, so neither can be forgotten.
import type { Clock } from './clock.js';
import type { Db, Queryable, Trx } from './db/index.js';
import { forbidden, unauthenticated } from './errors/index.js';
import type { Logger } from './logging.js';

export const roles = ['admin', 'editor', 'subject', 'recipient', 'auditor'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  /** user id, token id, or the job's name for the system actor */
  id: string | null;
  name: string;
  role: Role | null;
  organisationId: string | null;
}

export const anonymousActor: Actor = {
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  role: null,
  organisationId: null,
};

/** The server's own jobs and the CLI act as the system actor, named after what runs. */
export const systemActor = (name: string): Actor => ({
  kind: 'system',
  id: name,
  name: `system:${name}`,
  role: null,
  organisationId: null,
});

export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
}

export interface JournalEntryInput {
  /** `module.entity.pastTense`, e.g. `auth.user.added` */
  action: string;
  objectType: string;
  objectId: string | null;
  /** what changed; never a secret */
  summary: Record<string, unknown>;
}

export interface JournalWriter {
  append(trx: Trx, actor: Actor, at: Date, meta: RequestMeta, entry: JournalEntryInput): Promise<void>;
}

export interface Deps {
  db: Db;
  clock: Clock;
  journal: JournalWriter;
  logger: Logger;
}

export interface QueryContext {
  db: Queryable;
  actor: Actor;
  now: Date;
  deps: Deps;
}

export interface CommandContext {
  trx: Trx;
  actor: Actor;
  now: Date;
  deps: Deps;
  meta: RequestMeta;
  /** writes the log-journal entry of this change, in this transaction */
  record(entry: JournalEntryInput): Promise<void>;
  /** side effects (deliveries, cache purges, rebuilds) run only once the change is committed */
  afterCommit(effect: () => Promise<void> | void): void;
  /** says, explicitly, that this run changed nothing (so it has nothing to journal) */
  changedNothing(): void;
}

/** A policy decides from the actor (and the input) alone; `everyone` marks public reads. */
export type Policy<I> = ((actor: Actor, input: I) => boolean) & { readonly isPublic?: true };

export const everyone: Policy<unknown> = Object.assign(() => true, { isPublic: true as const });

export type UseCase<I, O> = ((deps: Deps, actor: Actor, input: I, meta?: RequestMeta) => Promise<O>) & {
  readonly useCaseName: string;
  readonly kind: 'query' | 'command';
  readonly policy: Policy<I>;
};

const noMeta: RequestMeta = { requestId: null, clientAddress: null };

function authorize<I>(name: string, policy: Policy<I>, actor: Actor, input: I): void {
  if (policy(actor, input)) return;
  if (actor.kind === 'anonymous') throw unauthenticated();
  throw forbidden(`The role ${actor.role ?? actor.kind} may not ${name}.`);
}

export function query<I, O>(spec: {
  name: string;
  policy: Policy<I>;
  run: (ctx: QueryContext, input: I) => Promise<O>;
}): UseCase<I, O> {
  const fn = async (deps: Deps, actor: Actor, input: I): Promise<O> => {
    authorize(spec.name, spec.policy, actor, input);
    return spec.run({ db: deps.db, actor, now: deps.clock.now(), deps }, input);
  };
  return Object.assign(fn, { useCaseName: spec.name, kind: 'query' as const, policy: spec.policy });
}

export function command<I, O>(spec: {
  name: string;
  policy: Policy<I>;
  run: (ctx: CommandContext, input: I) => Promise<O>;
}): UseCase<I, O> {
  const fn = async (deps: Deps, actor: Actor, input: I, meta: RequestMeta = noMeta): Promise<O> => {
    authorize(spec.name, spec.policy, actor, input);
    const effects: (() => Promise<void> | void)[] = [];
    const now = deps.clock.now();
    const result = await deps.db.transaction().execute(async (trx) => {
      let journaled = 0;
      let unchanged = false;
      const ctx: CommandContext = {
        trx,
        actor,
        now,
        deps,
        meta,
        record: async (entry) => {
          await deps.journal.append(trx, actor, now, meta, entry);
          journaled++;
        },
        afterCommit: (effect) => effects.push(effect),
        changedNothing: () => {
          unchanged = true;
        },
      };
      const out = await spec.run(ctx, input);
      if (journaled === 0 && !unchanged)
        throw new Error(`use case ${spec.name} changed state without a log-journal entry`);
      return out;
    });
    for (const effect of effects) {
      try {
        await effect();
      } catch (err) {
        deps.logger.error({ err, useCase: spec.name }, 'an after-commit effect failed');
      }
    }
    return result;
  };
  return Object.assign(fn, { useCaseName: spec.name, kind: 'command' as const, policy: spec.policy });
}

export const hasRole =
  <I = unknown>(...allowed: Role[]): Policy<I> =>
  (actor) =>
    actor.role !== null && allowed.includes(actor.role);

/** The CLI and the jobs act as the system actor; people and tokens never do. */
export const isSystem = (actor: Actor): boolean => actor.kind === 'system';

export const anyOf =
  <I>(...policies: Policy<I>[]): Policy<I> =>
  (actor, input) =>
    policies.some((p) => p(actor, input));
