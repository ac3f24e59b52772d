/**
 * The typed error hierarchy. Every error a client may see is an HttpError with a stable `code`;
 * the problem+json middleware renders it (RFC 9457). Anything else becomes a bare 500.
 */
export interface FieldError {
  path: string;
  message: string;
}

export interface Failure {
  condition: string;
  message: string;
}

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly headers: Record<string, string> = {};
  readonly extensions: Record<string, unknown> = {};

  constructor(status: number, code: string, title: string, detail?: string) {
    super(detail ?? title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.name = new.target.name;
  }
}

export class ValidationFailed extends HttpError {
  constructor(readonly errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'VALIDATION_FAILED', 'Validation failed', detail);
    this.extensions.errors = errors;
  }
}

export class Unauthenticated extends HttpError {
  constructor(detail = 'A valid session is required.') {
    super(401, 'UNAUTHENTICATED', 'Unauthenticated', detail);
  }
}

export class InvalidCredentials extends HttpError {
  constructor() {
    super(401, 'INVALID_CREDENTIALS', 'Invalid credentials', 'The identifier or password is incorrect.');
  }
}

export class InvalidCode extends HttpError {
  constructor(detail = 'The verification code is invalid or has expired.') {
    super(401, 'INVALID_CODE', 'Invalid code', detail);
  }
}

export class Forbidden extends HttpError {
  constructor(detail = 'This operation is not permitted.') {
    super(403, 'FORBIDDEN', 'Forbidden', detail);
  }
}

export class NotFound extends HttpError {
  constructor(detail = 'The resource does not exist.') {
    super(404, 'NOT_FOUND', 'Not found', detail);
  }
}

/** Issue 9 item 15: a known path asked with a method it does not have; `Allow` lists the ones it has. */
export class MethodNotAllowed extends HttpError {
  constructor(allowed: string[]) {
    super(405, 'METHOD_NOT_ALLOWED', 'Method not allowed', `This path allows ${allowed.join(', ')}.`);
    this.headers.Allow = allowed.join(', ');
  }
}

export class Conflict extends HttpError {
  constructor(code: string, detail: string) {
    super(409, code, 'Conflict', detail);
  }
}

export class RuleViolation extends HttpError {
  constructor(code: string, detail: string, failures?: Failure[]) {
    super(422, code, 'Rule violation', detail);
    if (failures) this.extensions.failures = failures;
  }
}

export class RateLimited extends HttpError {
  constructor(readonly retryAfterSeconds: number, detail = 'Too many requests; try again later.') {
    super(429, 'RATE_LIMITED', 'Too many requests', detail);
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
    this.extensions.retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export class UnsupportedMediaType extends HttpError {
  constructor() {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send application/json.');
  }
}
