import {
  DomainError,
  translateDatabaseError,
  type ErrorCategory,
  type FieldProblem,
} from '../errors/index.js';

// RFC 9457 problem details: one shape for every error of the API, pinned by a test.

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldProblem[];
  params?: Readonly<Record<string, string | number>>;
}

const statusOf: Record<ErrorCategory, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  invalid_input: 422,
  rate_limited: 429,
  unavailable: 503,
};

const titleOf: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
  validation?: AjvError[];
  validationContext?: string;
}

const contextName = (c: string | undefined) => (c === 'querystring' ? 'query' : (c ?? 'body'));

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Turns ajv's errors into pointers at the offending value: `/query/from`, `/body/role`. */
export function validationProblems(errors: AjvError[], context: string | undefined): FieldProblem[] {
  const base = `/${contextName(context)}`;
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of errors) {
    let pointer = `${base}${e.instancePath}`;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      pointer = `${pointer}/${String(e.params.missingProperty)}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      // a field's name is the client's own text: named only when it could be a field of the API
      const name = String(e.params.additionalProperty);
      if (FIELD_NAME.test(name)) {
        pointer = `${pointer}/${name}`;
        message = 'is not a known field';
      } else message = 'has a field that is not known';
    }
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, code: e.keyword, message });
  }
  return out;
}

// Fastify's, its parsers' and the router's own 4xx errors, named in the API's words with a
// fixed sentence: their messages quote the input (a path, a JSON token), which is never echoed.
const fastifyCodes: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'empty_body', detail: 'The body is empty but its type says JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    detail: 'The body is larger than the service accepts (BODY_LIMIT_BYTES).',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    detail: 'This route does not accept a body of this media type.',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    code: 'unsupported_media_type',
    detail: 'This route does not accept a body of this media type.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    detail: 'The Content-Length does not match the body.',
  },
  FST_ERR_BAD_URL: { code: 'malformed_url', detail: 'The URL is not validly percent-encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'uri_too_long',
    detail: 'A part of the path is longer than the service accepts.',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'malformed_multipart',
    detail: 'The body is not multipart/form-data.',
  },
  FST_PROTO_VIOLATION: { code: 'malformed_multipart', detail: 'The multipart body is malformed.' },
  FST_PARTS_LIMIT: {
    code: 'too_many_parts',
    detail: 'The multipart body has more parts than the service accepts.',
  },
  FST_FILES_LIMIT: {
    code: 'too_many_parts',
    detail: 'The multipart body has more files than the service accepts.',
  },
  FST_FIELDS_LIMIT: {
    code: 'too_many_parts',
    detail: 'The multipart body has more fields than the service accepts.',
  },
  FST_REQ_FILE_TOO_LARGE: { code: 'body_too_large', detail: 'The file is larger than the service accepts.' },
};
const fastifyProblem = (code: string): { code: string; detail: string } =>
  fastifyCodes[code] ?? {
    code: code
      .toLowerCase()
      .replace(/^fst_(err_)?/, '')
      .replace(/[^a-z0-9]+/g, '_'),
    detail: 'The request could not be read.',
  };

export function toProblem(err: unknown, requestId: string): { problem: Problem; internal: boolean } {
  const make = (
    status: number,
    code: string,
    detail: string,
    errors?: FieldProblem[],
    params?: Readonly<Record<string, string | number>>,
  ) => ({
    problem: {
      type: `urn:zanstat:problem:${code}`,
      title: titleOf[status] ?? 'Error',
      status,
      detail,
      code,
      requestId,
      ...(errors && errors.length ? { errors } : {}),
      ...(params ? { params } : {}),
    },
    internal: status >= 500,
  });
  const domain = err instanceof DomainError ? err : translateDatabaseError(err);
  if (domain)
    return make(statusOf[domain.category], domain.code, domain.message, domain.errors, domain.params);
  const f = err as FastifyLikeError;
  if (f && Array.isArray(f.validation)) {
    const errors = validationProblems(f.validation, f.validationContext);
    const where = errors.map((e) => e.pointer).join(', ');
    return make(422, 'invalid_input', `The request has invalid values: ${where}.`, errors);
  }
  if (f && typeof f.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500) {
    if (f.statusCode === 429) return make(429, 'rate_limited', f.message);
    if (f.code?.startsWith('FST_')) {
      const known = fastifyProblem(f.code);
      return make(f.statusCode, known.code, known.detail);
    }
    return make(f.statusCode, f.code ?? 'bad_request', f.message);
  }
  return make(
    500,
    'internal_error',
    'Something went wrong on our side. The request id identifies it in our logs.',
  );
}
