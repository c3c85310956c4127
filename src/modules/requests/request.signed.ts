// Signed intake (Order 25, paras 6-7): a request that arrives through the unified electronic
// document management system or "Қадағалау" (bodies' requests, para 7), or through the
// e-government appeals channel (individuals' and legal entities' written applications, para 2
// item 9 and para 6, second paragraph), as a signed document in our own documented format
// (docs/requests-intake.md; the real systems' formats are not public). The CMS signature over the
// document, the signer's certificate, its chain to the trusted roots of the configuration and its
// revocation are checked by the pki module; the signer's position is read as a role of para 6 by
// the catalogue's words (`requestSignatories[].positions`). A refused signature registers nothing
// and is journaled with its reason.
import { Type, type Static } from '@sinclair/typebox';
import { currentCatalog } from '../catalog/index.js';
import type { CertificateSubject, SignatureVerifier } from '../pki/index.js';
import { localDateOf } from '../../platform/clock.js';
import { invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import { command, isSystem, systemActor, type Deps, type RequestMeta } from '../../platform/usecase.js';
import { Value } from '@sinclair/typebox/value';
import { found } from './request.copies.js';
import { RequestBodySchema, type RequestBody } from './request.input.js';
import { requestRulesOn, type RequestRules } from './request.rules.js';
import { registerRequest } from './requests.service.js';

export const SIGNED_FORMAT = 'zanstat.signed-request.v1';

/** The systems a signed request arrives through, and the catalogue channel each is. */
export const INTAKE_SYSTEMS = {
  edms: 'unified-edms',
  kadagalau: 'kadagalau',
  'e-appeals': 'written-appeal',
} as const;
export type IntakeSystem = keyof typeof INTAKE_SYSTEMS;

export const SignedRequestSchema = Type.Object(
  {
    format: Type.Literal(SIGNED_FORMAT),
    reference: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "the sending system's own number of the document",
    }),
    document: Type.String({
      minLength: 1,
      maxLength: 2_000_000,
      description:
        'base64 of the UTF-8 JSON request (the body of POST /api/v1/staff/requests without channel and signatory)',
    }),
    signature: Type.String({
      minLength: 1,
      maxLength: 200_000,
      description: 'base64 of the CMS SignedData (DER) over the document bytes, detached or attached',
    }),
  },
  { additionalProperties: false },
);
export type SignedRequest = Static<typeof SignedRequestSchema>;

/** The certificate's position read as a role of para 6 (catalogue words; no match: other). */
export function roleOfPosition(
  rules: RequestRules,
  kind: string,
  title: string | null,
): 'head' | 'acting-head' | 'authorised-official' | 'other' {
  if (!title) return 'other';
  const rule = rules.signatories.find((s) => s.requesters.includes(kind as never));
  for (const entry of rule?.positions ?? []) if (found(title, entry.words).length > 0) return entry.role;
  return 'other';
}

const fromBase64 = (text: string, pointer: string): Buffer => {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text))
    throw invalidInput(`${pointer.slice(1)}: not base64`, [
      { pointer, code: 'not_base64', message: 'not base64' },
    ]);
  return Buffer.from(text, 'base64');
};

const recordRefusal = command({
  name: 'refuse a signed request',
  policy: isSystem,
  run: async (
    ctx,
    input: { system: IntakeSystem; reference: string; reason: string; detail: string; signer: string | null },
  ) => {
    await ctx.record({
      action: 'requests.intake.refused',
      objectType: 'signed-request',
      objectId: `${input.system}:${input.reference}`,
      summary: input,
    });
  },
});

function signerOf(s: CertificateSubject) {
  return {
    name: s.commonName,
    iin: s.iin,
    bin: s.bin,
    organisation: s.organisation,
    position: s.title,
  };
}

/** Verifies a signed request and registers it as received through its system. */
export async function takeSignedRequest(
  deps: Deps,
  verifier: SignatureVerifier,
  input: { system: IntakeSystem; signed: SignedRequest; baseUrl: string; meta?: RequestMeta },
) {
  const { system, signed } = input;
  const actor = systemActor(`requests.intake.${system}`);
  const documentBytes = fromBase64(signed.document, '/document');
  const cms = fromBase64(signed.signature, '/signature');
  const verification = await verifier.verifyCms({
    cms,
    content: documentBytes,
    purpose: 'signing',
    at: deps.clock.now(),
  });
  if (!verification.ok) {
    await recordRefusal(deps, actor, {
      system,
      reference: signed.reference,
      reason: verification.reason,
      detail: verification.detail,
      signer: verification.subject?.commonName ?? null,
    });
    throw invalidInput(`signature: refused (${verification.reason}): ${verification.detail}`, [
      {
        pointer: '/signature',
        code: `signature_${verification.reason.replace(/-/g, '_')}`,
        message: verification.detail,
      },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(verification.content).toString('utf8'));
  } catch {
    throw invalidInput('document: the signed document is not JSON', [
      { pointer: '/document', code: 'not_json', message: 'the signed document is not JSON' },
    ]);
  }
  const body: Record<string, unknown> = {
    ...(parsed as Record<string, unknown>),
    channel: INTAKE_SYSTEMS[system],
  };
  const { catalog } = await currentCatalog(deps.db);
  const kind = String((body.applicant as { kind?: unknown } | undefined)?.kind ?? '');
  const bodies = kind === 'state-body' || kind === 'prosecution-body';
  if (bodies) {
    // Para 6: the signer's position, read as a role, is the request's signatory.
    const on = typeof body.registeredOn === 'string' ? body.registeredOn : localDateOf(deps.clock.now());
    const rules = requestRulesOn(catalog, on);
    const title = verification.subject.title;
    body.signatory = {
      role: roleOfPosition(rules, kind, title),
      ...(title ? { position: title } : {}),
      ...(verification.subject.commonName ? { name: verification.subject.commonName } : {}),
    };
  }
  if (!Value.Check(RequestBodySchema, body)) {
    const problems: FieldProblem[] = [...Value.Errors(RequestBodySchema, body)].slice(0, 20).map((e) => ({
      pointer: `/document${e.path}`,
      code: 'invalid_document',
      message: e.message,
    }));
    throw invalidInput(`document: the signed request has ${problems.length} problem(s)`, problems);
  }
  return registerRequest(
    deps,
    actor,
    {
      body: body as RequestBody,
      baseUrl: input.baseUrl,
      signed: {
        system,
        reference: signed.reference,
        signer: signerOf(verification.subject),
        certificate: verification.certificate,
        verifiedBy: verification.verifiedBy,
        revocationCheckedBy: verification.revocationCheckedBy,
      },
    },
    input.meta,
  );
}
