// Sign-in with a digital-signature certificate, as Kazakh government services do: the server
// issues a one-time challenge, the person signs it with the authentication key of their NCA
// certificate (in the browser through NCALayer, or with any client), and the signature's
// subject — the IIN, and the BIN of an organisation's employee — names the user.
import { randomBytes } from 'node:crypto';
import { type DomainError, unauthenticated } from '../../platform/errors/index.js';
import { command } from '../../platform/usecase.js';
import type { CmsVerification } from '../pki/index.js';
import { mayPurgeSessions, maySignIn } from './auth.policies.js';
import { sha256 } from './auth.secrets.js';
import { startSession } from './auth.service.js';
import * as repo from './certificate-sign-in.repository.js';
import { deleteFailuresBefore } from './password-sign-in.repository.js';

/** A challenge lives this long: enough to choose the key and type its password in NCALayer. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export const issueSignInChallenge = command({
  name: 'issue a sign-in challenge',
  policy: maySignIn,
  run: async (ctx) => {
    const challenge = `zanstat-sign-in:${ctx.now.toISOString()}:${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(ctx.now.getTime() + CHALLENGE_TTL_MS);
    await repo.insertChallenge(ctx.trx, {
      id: sha256(challenge),
      now: ctx.now,
      expiresAt,
      clientAddress: ctx.meta.clientAddress,
    });
    await ctx.record({
      action: 'auth.challenge.issued',
      objectType: 'challenge',
      objectId: null,
      summary: { expiresAt: expiresAt.toISOString() },
    });
    return { challenge, expiresAt };
  },
});

export interface CertificateSignInInput {
  /** the signature verified (by the pki module, before the transaction) */
  verification: CmsVerification;
  ttlHours: number;
}

export type CertificateSignInResult =
  | { ok: true; session: Awaited<ReturnType<typeof startSession>> }
  | { ok: false; reason: string; detail: string };

/**
 * Takes the challenge the signature is over (once), maps the subject to a user and starts a
 * session. A refusal is journaled with its reason and committed: the caller answers 401.
 */
export const signInWithCertificate = command({
  name: 'sign in with a certificate',
  policy: maySignIn,
  run: async (ctx, input: CertificateSignInInput): Promise<CertificateSignInResult> => {
    const v = input.verification;
    const refuse = async (reason: string, detail: string): Promise<CertificateSignInResult> => {
      await ctx.record({
        action: 'auth.certificate.refused',
        objectType: 'certificate',
        objectId: v.ok ? v.certificate.serialNumber : null,
        summary: {
          reason,
          detail,
          iin: v.subject?.iin ?? null,
          bin: v.subject?.bin ?? null,
        },
      });
      return { ok: false, reason, detail };
    };
    if (!v.ok) return refuse(v.reason, v.detail);
    if (!(await repo.useChallenge(ctx.trx, sha256(Buffer.from(v.content).toString('utf8')), ctx.now))) {
      return refuse('unknown-challenge', 'the signed text is no live challenge of this service');
    }
    const iin = v.subject.iin;
    if (!iin) return refuse('no-iin', 'the certificate carries no IIN');
    const row = await repo.findUserByIin(ctx.trx, iin);
    if (!row || !row.active) return refuse('unknown-iin', 'no active user has this IIN');
    // an organisation's employee signs in with the certificate the organisation's BIN is in
    if (row.bin && row.bin !== v.subject.bin) {
      return refuse('wrong-organisation', "the certificate is not of the user's organisation");
    }
    const session = await startSession(ctx, row, input.ttlHours, {
      method: 'certificate',
      certificate: v.certificate.serialNumber,
    });
    return { ok: true, session };
  },
});

/** The API's answer to a refused certificate sign-in: 401 naming the reason. */
export const certificateRefused = (reason: string): DomainError =>
  unauthenticated(
    `The certificate sign-in is refused: ${reason}.`,
    `certificate_${reason.replaceAll('-', '_')}`,
  );

/**
 * The job `auth.purge-challenges`: deletes the challenges whose time has passed, used or not (a
 * used one is never taken again, an expired one never taken at all), and the failed passwords
 * that have left the throttling window (the count of failures in a row is kept apart), journaled
 * with their counts.
 */
export const purgeExpiredChallenges = command({
  name: 'purge expired sign-in challenges',
  policy: mayPurgeSessions,
  run: async (ctx, input: { failureWindowMinutes: number }) => {
    const purged = await repo.deleteExpiredChallenges(ctx.trx, ctx.now);
    const failures = await deleteFailuresBefore(
      ctx.trx,
      new Date(ctx.now.getTime() - input.failureWindowMinutes * 60_000),
    );
    await ctx.record({
      action: 'auth.challenges.purged',
      objectType: 'challenge',
      objectId: null,
      summary: { purged, failures },
    });
    return { purged, failures };
  },
});
