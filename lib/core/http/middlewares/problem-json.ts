import type middy from '@middy/core';
import { HttpError, UnsupportedMediaType, ValidationFailed } from '../../errors.js';
import { logger } from '../../logger.js';

/**
 * Renders every error as RFC 9457 problem details. Our HttpErrors keep their status and code;
 * middy's own HTTP errors (malformed JSON, wrong content type) become 400/415; anything else is a
 * bare 500 with no internal detail (the error is logged by name and stack frames only, never its message).
 */
export function problemJson(): middy.MiddlewareObj {
  return {
    onError: function problemJsonOnError(request) {
      const error = toHttpError(request.error);
      if (error.status >= 500) {
        // The stack's first line is the message, which may quote input (PII): only the frames are logged.
        const error = request.error as Error | undefined;
        logger.error('unhandled error', { errorName: error?.name, frames: error?.stack?.split('\n').slice(1, 11).map((l) => l.trim()) });
      }
      request.response = {
        statusCode: error.status,
        headers: { ...error.headers, 'Content-Type': 'application/problem+json' },
        body: JSON.stringify({
          type: `https://errors.account-center.example/${error.code.toLowerCase().replaceAll('_', '-')}`,
          title: error.title,
          status: error.status,
          detail: error.message,
          code: error.code,
          ...error.extensions,
        }),
      };
    },
  };
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  if (status === 415) return new UnsupportedMediaType();
  if (status === 422 || status === 400) {
    // @middy/http-json-body-parser: malformed or missing JSON body.
    return new ValidationFailed([{ path: 'body', message: 'The body must be valid JSON.' }]);
  }
  return new HttpError(500, 'INTERNAL', 'Internal error', 'Something went wrong on our side.');
}
