// A delivery as the staff's API shows it (camelCase, ISO times), with its tries.
import type { AdapterName, AttemptRow, DeliveryRow, DeliveryState } from './outbox.repository.js';

export interface DeliveryView {
  id: number;
  key: string;
  kind: string;
  subjectId: string;
  recipient: string;
  copies: number;
  adapter: AdapterName | null;
  state: DeliveryState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  receipt: unknown;
  title: unknown;
  metadata: unknown;
  /** the names of its documents, where asked */
  documents?: string[];
  history: { n: number; at: string; adapter: string; outcome: string; detail: string | null }[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentDelivery(row: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  return {
    id: Number(row.id),
    key: row.key,
    kind: row.kind,
    subjectId: row.subject_id,
    recipient: row.recipient,
    copies: row.copies,
    adapter: row.adapter,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
    acknowledgedAt: iso(row.acknowledged_at),
    receipt: row.receipt ?? null,
    title: row.title,
    metadata: row.metadata,
    history: attempts.map((a) => ({
      n: a.n,
      at: a.at.toISOString(),
      adapter: a.adapter,
      outcome: a.outcome,
      detail: a.detail,
    })),
  };
}
