import type middy from '@middy/core';
import { toProblem } from '../problem.js';
import { logger } from '../../logger.js';

/**
 * Renders every error as RFC 9457 problem details. A DomainError keeps its code and gets the
 * status of lib/core/http/problem.ts;
 * middy's own HTTP errors (malformed JSON, wrong content type) become 400/415; anything else is a
 * bare 500 with no internal detail (the error is logged by name and stack frames only, never its message).
 */
export function problemJson(): middy.MiddlewareObj {
  return {
    onError: function problemJsonOnError(request) {
      const error = toProblem(request.error);
      if (error.status >= 500) {
        // The stack's first line is the message, which may quote input (PII): only the frames are logged.
        const error = request.error as Error | undefined;
        logger.error('unhandled error', {
          errorName: error?.name,
          frames: error?.stack
            ?.split('\n')
            .slice(1, 11)
            .map((l) => l.trim()),
        });
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
