/**
 * The one code → status table of the edge, and the problem document (RFC 9457) a DomainError becomes.
 * Typed as a complete record: a new ErrorCode without a status here does not compile.
 */
import {
  type DomainError,
  type ErrorCode,
  Internal,
  MethodNotAllowed,
  RateLimited,
  UnsupportedMediaType,
  ValidationFailed,
} from '../errors.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_CODE: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  EMAIL_TAKEN: 409,
  MOBILE_TAKEN: 409,
  LOGIN_ID_TAKEN: 409,
  TENANT_NAME_TAKEN: 409,
  STATE_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_ALLOWED: 422,
  SERVICES_DISABLED: 422,
  CHECK_FAILED: 422,
  CHANNEL_UNAVAILABLE: 422,
  CODE_SENDS_EXHAUSTED: 422,
  MATERIAL_INVALID: 422,
  QUOTA_EXCEEDED: 422,
  SERVICES_NOT_DISABLED: 422,
  TOO_EARLY: 422,
  UPLOAD_MISSING: 422,
  ACCOUNT_FROZEN: 422,
  ACCOUNT_SUSPENDED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const TITLE_OF: Record<number, string> = {
  400: 'Validation failed',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Size mismatch',
  415: 'Unsupported media type',
  422: 'Rule violation',
  429: 'Too many requests',
  500: 'Internal error',
};

/** Titles that say more than the status class. */
const TITLE_BY_CODE: Partial<Record<ErrorCode, string>> = {
  INVALID_CREDENTIALS: 'Invalid credentials',
  INVALID_CODE: 'Invalid code',
};

export interface Problem {
  status: number;
  code: ErrorCode;
  title: string;
  message: string;
  headers: Record<string, string>;
  extensions: Record<string, unknown>;
}

/** A DomainError as the edge answers it; middy's own HTTP errors become 400/415; anything else a bare 500. */
export function toProblem(error: unknown): Problem {
  const domain = asDomainError(error);
  const status = STATUS_OF[domain.code];
  const headers: Record<string, string> = {};
  if (domain instanceof MethodNotAllowed) headers.Allow = domain.allowed.join(', ');
  if (domain instanceof RateLimited) headers['Retry-After'] = String(domain.retryAfterSeconds);
  return {
    status,
    code: domain.code,
    title: TITLE_BY_CODE[domain.code] ?? TITLE_OF[status] ?? 'Error',
    message: domain.message,
    headers,
    extensions: domain.details,
  };
}

function asDomainError(error: unknown): DomainError {
  if (
    error instanceof Error &&
    'code' in error &&
    typeof (error as DomainError).code === 'string' &&
    (error as DomainError).code in STATUS_OF &&
    'details' in error
  ) {
    return error as DomainError;
  }
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  if (status === 415) return new UnsupportedMediaType();
  if (status === 422 || status === 400) {
    // @middy/http-json-body-parser: malformed or missing JSON body.
    return new ValidationFailed([{ path: 'body', message: 'The body must be valid JSON.' }]);
  }
  return new Internal();
}
