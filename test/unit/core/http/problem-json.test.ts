import { describe, expect, it } from 'vitest';
import { Conflict, RateLimited, RuleViolation, ValidationFailed } from '../../../../lib/core/errors.js';
import { toProblem as toHttpError } from '../../../../lib/core/http/problem.js';

describe('typed errors become problem details', () => {
  it.each([
    [new ValidationFailed([{ path: 'body.email', message: 'x' }]), 400, 'VALIDATION_FAILED'],
    [new Conflict('EMAIL_TAKEN', 'taken'), 409, 'EMAIL_TAKEN'],
    [new RuleViolation('TOO_EARLY', 'wait'), 422, 'TOO_EARLY'],
    [new RateLimited(42), 429, 'RATE_LIMITED'],
  ])('%s keeps its status and stable code', (error, status, code) => {
    const http = toHttpError(error);
    expect(http.status).toBe(status);
    expect(http.code).toBe(code);
  });

  it('a 429 carries Retry-After in whole seconds', () => {
    expect(toHttpError(new RateLimited(41.2)).headers['Retry-After']).toBe('42');
  });

  it('middy body-parser errors become 400/415, never 500', () => {
    expect(toHttpError(Object.assign(new Error('Invalid or malformed JSON was provided'), { statusCode: 422 })).status).toBe(400);
    expect(toHttpError(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 })).status).toBe(415);
  });

  it('an unknown error becomes a bare 500 without its message', () => {
    const http = toHttpError(new Error('secret internal detail: table xyz'));
    expect(http.code).toBe('INTERNAL');
    expect(http.status).toBe(500);
    expect(http.message).not.toContain('xyz');
  });
});
