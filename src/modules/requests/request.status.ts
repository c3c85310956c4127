// What an applicant sees of a request: its status, by the request's number and the code given at
// registration — nothing else (not the decision, the figures or the letters). A wrong number and a
// wrong code get the same answer, so the register's numbers are not disclosed.
import { timingSafeEqual } from 'node:crypto';
import { notFound } from '../../platform/errors/index.js';
import { everyone, query } from '../../platform/usecase.js';
import * as repo from './requests.repository.js';
import { statusCodeHash } from './requests.service.js';

export type ApplicantStatus = 'under-consideration' | 'answered' | 'closed';
export const APPLICANT_STATUSES: readonly ApplicantStatus[] = ['under-consideration', 'answered', 'closed'];

export const requestStatus = query({
  name: 'read the status of a request',
  policy: everyone,
  run: async ({ db }, input: { number: string; code: string }) => {
    const row = await repo.findByNumber(db, input.number.trim());
    const given = Buffer.from(statusCodeHash(input.code), 'hex');
    const kept = row?.status_code_hash ? Buffer.from(row.status_code_hash, 'hex') : null;
    if (!row || !kept || !timingSafeEqual(given, kept))
      throw notFound('A request with this number and code', 'request_not_found');
    const status: ApplicantStatus = row.answered_at
      ? 'answered'
      : row.state === 'closed'
        ? 'closed'
        : 'under-consideration';
    return { number: row.number, status };
  },
});
