import { describe, expect, it } from 'vitest';
import { shownStatus, transition, type ReleaseAction, type ReleaseState } from './lifecycle.js';

const S = (status: ReleaseState['status'], pending = false): ReleaseState => ({ status, pending });

// Every state × action: what follows, or the refusal's code (answered as 409).
const table: [ReleaseState, ReleaseAction, string][] = [
  [S('scheduled'), 'approve', 'approved'],
  [S('approved', true), 'approve', 'already_approved'],
  [S('published'), 'approve', 'already_published'],
  [S('revised'), 'approve', 'already_published'],
  [S('scheduled'), 'reschedule', 'scheduled'],
  [S('approved', true), 'reschedule', 'approved'],
  [S('published'), 'reschedule', 'already_published'],
  [S('published', true), 'reschedule', 'published'],
  [S('scheduled'), 'publish', 'not_approved'],
  [S('approved', true), 'publish', 'published'],
  [S('published'), 'publish', 'already_published'],
  [S('published', true), 'publish', 'revised'],
  [S('revised', true), 'publish', 'revised'],
  [S('revised'), 'publish', 'already_published'],
  [S('scheduled'), 'publish-due', 'nothing_due'],
  [S('approved', true), 'publish-due', 'published'],
  [S('published'), 'publish-due', 'nothing_due'],
  [S('published', true), 'publish-due', 'revised'],
  [S('scheduled'), 'revise', 'not_published'],
  [S('approved', true), 'revise', 'not_published'],
  [S('published'), 'revise', 'published'],
  [S('revised'), 'revise', 'revised'],
  [S('published', true), 'revise', 'revision_pending'],
];

describe('release lifecycle', () => {
  it.each(table)('%o, %s → %s', (state, action, expected) => {
    const t = transition(state, action);
    expect(t.ok ? t.status : t.code).toBe(expected);
  });

  it('shows a scheduled release whose figures are all in as received', () => {
    expect(shownStatus('scheduled', true)).toBe('received');
    expect(shownStatus('scheduled', false)).toBe('scheduled');
    expect(shownStatus('approved', true)).toBe('approved');
  });
});
