// The life of a release (Order 25, para 14 and Appendix 2: each report placed on the information
// service by its day): scheduled → (received) → approved → published → revised. Pure: the states
// and the actions, and what each action does to each state; the use cases apply it.

/** Stored states. `received` is not stored: it is a scheduled release whose figures are all in. */
export type StoredStatus = 'scheduled' | 'approved' | 'published' | 'revised';
export type ReleaseStatus = StoredStatus | 'received';

export type ReleaseAction = 'approve' | 'reschedule' | 'publish' | 'revise' | 'publish-due';

export interface ReleaseState {
  status: StoredStatus;
  /** a publication approved and waiting for its time */
  pending: boolean;
}

/** Why an action is refused in a state: a stable code, answered as 409. */
export type TransitionRefusal =
  | 'already_approved'
  | 'already_published'
  | 'not_approved'
  | 'not_published'
  | 'revision_pending'
  | 'nothing_due';

export type Transition = { ok: true; status: StoredStatus } | { ok: false; code: TransitionRefusal };

const ok = (status: StoredStatus): Transition => ({ ok: true, status });
const no = (code: TransitionRefusal): Transition => ({ ok: false, code });

/** What `action` does to a release in `state`. */
export function transition(state: ReleaseState, action: ReleaseAction): Transition {
  const published = state.status === 'published' || state.status === 'revised';
  switch (action) {
    case 'approve':
      // The first publication is approved once; later ones are revisions.
      if (published) return no('already_published');
      if (state.status === 'approved') return no('already_approved');
      return ok('approved');
    case 'reschedule':
      // The announced date moves until the release is out, never after.
      if (published && !state.pending) return no('already_published');
      return ok(state.status);
    case 'publish':
    case 'publish-due':
      if (!state.pending) {
        if (published) return no(action === 'publish' ? 'already_published' : 'nothing_due');
        return no(action === 'publish' ? 'not_approved' : 'nothing_due');
      }
      return ok(published ? 'revised' : 'published');
    case 'revise':
      if (!published) return no('not_published');
      if (state.pending) return no('revision_pending');
      return ok(state.status);
  }
}

/** The state shown: a scheduled release with every breakdown value in is `received`. */
export function shownStatus(status: StoredStatus, complete: boolean): ReleaseStatus {
  return status === 'scheduled' && complete ? 'received' : status;
}

export const REFUSAL_MESSAGES: Record<TransitionRefusal, string> = {
  already_approved: 'The release is already approved; reschedule it or publish it.',
  already_published: 'The release is already published; a change is a revision, with its reason.',
  not_approved: 'The release is not approved yet: approve it first.',
  not_published: 'The release is not published yet: there is nothing to revise.',
  revision_pending: 'A revision of this release is already waiting for its publication time.',
  nothing_due: 'Nothing of this release is waiting for publication.',
};
