// The recipients' area (Order 25, para 11, Appendix 1): a recipient body's users list the copies
// of the collections sent to their organisation and download them. Every download is journaled,
// and the first one acknowledges the copy (the receipt through the portal). A copy of another
// body is answered as absent: its existence is not disclosed.
import { acknowledgeIn, deliveriesTo, lockDeliveryDocument, type DeliveryView } from '../outbox/index.js';
import { notFound } from '../../platform/errors/index.js';
import { command, hasRole, query } from '../../platform/usecase.js';

const recipients = hasRole('recipient');

export const listOwnCopies = query({
  name: "list a recipient's copies",
  policy: recipients,
  run: async ({ db, actor }): Promise<(DeliveryView & { documents: string[] })[]> =>
    actor.organisationId ? deliveriesTo(db, actor.organisationId, 'collection-copy') : [],
});

export const downloadOwnCopy = command({
  name: "download a recipient's copy",
  policy: recipients,
  run: async (ctx, input: { id: number; name: string }) => {
    const found = await lockDeliveryDocument(ctx, input.id, input.name);
    if (!found || found.row.kind !== 'collection-copy' || found.row.recipient !== ctx.actor.organisationId)
      throw notFound(`Document ${input.name} of copy ${input.id}`, 'copy_not_found');
    await ctx.record({
      action: 'collections.copy.downloaded',
      objectType: 'delivery',
      objectId: found.row.key,
      summary: { recipient: found.row.recipient, document: input.name },
    });
    await acknowledgeIn(ctx, found.row, { through: 'portal', document: input.name, by: ctx.actor.name });
    return { bytes: found.bytes, contentType: found.contentType, name: input.name };
  },
});
