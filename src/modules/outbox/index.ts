// The transactional outbox: one for everything the system sends (collections, replies to
// requests). Below the modules that send, so a delivery is written in the producing transaction.
export {
  enqueueDelivery,
  storeDocument,
  sendDueDeliveries,
  recordAttempt,
  resendDelivery,
  acknowledgeDelivery,
  acknowledgeIn,
  deliveriesTo,
  lockDeliveryDocument,
  listDeliveries,
  deliveriesOf,
  type NewDelivery,
} from './outbox.service.js';
export {
  outboxSettings,
  routeFor,
  parseRoutes,
  backoffMs,
  type OutboxSettings,
  type Route,
} from './outbox.settings.js';
export { startOutboxWorker, type OutboxWorker } from './outbox.worker.js';
export { registerOutboxRoutes } from './outbox.routes.js';
export { DeliverySchema, DeliveryStateSchema } from './outbox.schemas.js';
export type { DeliveryView } from './outbox.presenter.js';
export { readDocument } from './outbox.repository.js';
export type { DeliveryState, AdapterName } from './outbox.repository.js';
export { sign, verify, SIGNATURE_HEADER, TIMESTAMP_HEADER, KEY_HEADER } from './outbox.signature.js';
export { ENVELOPE_FORMAT } from './outbox.adapters.js';
