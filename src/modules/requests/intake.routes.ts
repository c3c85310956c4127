// The signed intake's API (Order 25, paras 6-7; docs/requests-intake.md): the unified electronic
// document management system, "Қадағалау" and the e-government appeals channel each POST a signed
// request; it is verified (pki) and registered with its decision, number and term, or refused with
// the signature's reason. Authenticated by the signature, not by a session or token.
import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { DomainError } from '../../platform/errors/index.js';
import type { SignatureVerifier } from '../pki/index.js';
import {
  INTAKE_SYSTEMS,
  SignedRequestSchema,
  takeSignedRequest,
  type IntakeSystem,
} from './request.signed.js';
import { RequestViewSchema } from './requests.schemas.js';

const { problems } = schemas;

export function registerIntakeRoutes(
  app: HttpApp,
  deps: Deps,
  config: Config,
  verifier: SignatureVerifier | null,
): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  // The service's one verifier (trusted roots, intermediates, CRLs of the configuration), shared
  // with certificate sign-in; null when no trusted roots are configured.
  const verifierOf = (): SignatureVerifier => {
    if (!verifier)
      throw new DomainError(
        'unavailable',
        'signed_intake_off',
        'The signed intake is not configured on this service (PKI_TRUST_ROOTS).',
      );
    return verifier;
  };

  for (const system of Object.keys(INTAKE_SYSTEMS) as IntakeSystem[]) {
    app.post(
      `/api/v1/intake/${system}/requests`,
      {
        // public (each request is authenticated by its signature): a flood from one address is refused
        config: { rateLimit: { max: config.rateLimitIntake, timeWindow: 60_000 } },
        schema: {
          tags: ['requests'],
          summary: `Receive a signed request through ${system === 'edms' ? 'the unified electronic document management system' : system === 'kadagalau' ? '"Қадағалау"' : 'the e-government appeals channel'} (channel ${INTAKE_SYSTEMS[system]}): the signature verified, the request registered and decided`,
          body: SignedRequestSchema,
          response: {
            201: Type.Intersect([RequestViewSchema, Type.Object({ statusCode: Type.String() })]),
            ...problems(400, 422, 503),
          },
        },
      },
      async (req, reply) => {
        const view = await takeSignedRequest(deps, verifierOf(), {
          system,
          signed: req.body,
          baseUrl,
          meta: metaOf(req),
        });
        return reply.code(201).header('location', `/api/v1/staff/requests/${view.number}`).send(view);
      },
    );
  }
}
