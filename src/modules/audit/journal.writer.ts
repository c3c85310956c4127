import type { JournalWriter } from '../../platform/usecase.js';
import { GENESIS_HASH, entryHash } from './journal.hash.js';
import { insertJournalEntry, lockJournalTail, type JournalEntry } from './journal.repository.js';

const ACTION = /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/;

/** Appends an entry in the caller's transaction, chained to the last committed one. */
export const journalWriter: JournalWriter = {
  async append(trx, actor, at, meta, input) {
    if (!ACTION.test(input.action))
      throw new Error(`journal action "${input.action}" is not module.entity.pastTense`);
    const tail = await lockJournalTail(trx);
    const prevHash = tail?.hash ?? GENESIS_HASH;
    // jsonb keeps what JSON keeps: hash the value as it will be read back.
    const summary = JSON.parse(JSON.stringify(input.summary)) as unknown;
    const fields = {
      seq: (tail?.seq ?? 0) + 1,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      role: actor.role,
      organisationId: actor.organisationId,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      summary,
      requestId: meta.requestId,
      clientAddress: meta.clientAddress,
    };
    const entry: JournalEntry = { ...fields, prevHash, hash: entryHash(prevHash, fields) };
    await insertJournalEntry(trx, entry);
  },
};
