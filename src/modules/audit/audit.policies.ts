import { anyOf, hasRole, isSystem, type Policy } from '../../platform/usecase.js';

// The auditor reads and verifies the log journal; the Administrator may read it too.
export const mayReadJournal: Policy<unknown> = anyOf(hasRole('auditor', 'admin'), isSystem);
