/**
 * Domain errors: what went wrong, as a stable `code` with the failed conditions and what to do — no
 * HTTP status. The edge maps codes to statuses in one table (lib/core/http/problem.ts); adding a code
 * here without a status there fails to compile.
 */
export interface FieldError {
  path: string;
  message: string;
}

export interface Failure {
  condition: string;
  message: string;
}

/** Every code a client may see. Rule codes (422) and conflicts (409) are listed by name, never invented inline. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CODE'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | ConflictCode
  | RuleCode
  | 'INTERNAL';

export type ConflictCode =
  | 'EMAIL_TAKEN'
  | 'MOBILE_TAKEN'
  | 'LOGIN_ID_TAKEN'
  | 'TENANT_NAME_TAKEN'
  | 'STATE_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED';

export type RuleCode =
  | 'NOT_ALLOWED'
  | 'SERVICES_DISABLED'
  | 'CHECK_FAILED'
  | 'CHANNEL_UNAVAILABLE'
  | 'CODE_SENDS_EXHAUSTED'
  | 'MATERIAL_INVALID'
  | 'QUOTA_EXCEEDED'
  | 'SERVICES_NOT_DISABLED'
  | 'TOO_EARLY'
  | 'UPLOAD_MISSING'
  | 'ACCOUNT_FROZEN'
  | 'ACCOUNT_SUSPENDED';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Extra members of the problem document (e.g. `errors`, `failures`, `retryAfter`, `allowed`). */
  readonly details: Record<string, unknown> = {};

  constructor(code: ErrorCode, detail: string) {
    super(detail);
    this.code = code;
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(
    readonly errors: FieldError[],
    detail = 'The request has invalid fields.',
  ) {
    super('VALIDATION_FAILED', detail);
    this.details.errors = errors;
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = 'A valid session is required.') {
    super('UNAUTHENTICATED', detail);
  }
}

export class InvalidCredentials extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'The identifier or password is incorrect.');
  }
}

export class InvalidCode extends DomainError {
  constructor(detail = 'The verification code is invalid or has expired.') {
    super('INVALID_CODE', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail = 'This operation is not permitted.') {
    super('FORBIDDEN', detail);
  }
}

export class NotFound extends DomainError {
  constructor(detail = 'The resource does not exist.') {
    super('NOT_FOUND', detail);
  }
}

/** Issue 9 item 15: a known path asked with a method it does not have; `allowed` lists the ones it has. */
export class MethodNotAllowed extends DomainError {
  constructor(readonly allowed: string[]) {
    super('METHOD_NOT_ALLOWED', `This path allows ${allowed.join(', ')}.`);
  }
}

export class Conflict extends DomainError {
  constructor(code: ConflictCode, detail: string) {
    super(code, detail);
  }
}

export class RuleViolation extends DomainError {
  constructor(code: RuleCode, detail: string, failures?: Failure[]) {
    super(code, detail);
    if (failures) this.details.failures = failures;
  }
}

export class RateLimited extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, detail = 'Too many requests; try again later.') {
    super('RATE_LIMITED', detail);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    this.details.retryAfter = this.retryAfterSeconds;
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 'Send application/json.');
  }
}

/** Anything that is not a DomainError is this, with no internal detail. */
export class Internal extends DomainError {
  constructor() {
    super('INTERNAL', 'Something went wrong on our side.');
  }
}
