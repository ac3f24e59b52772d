import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { ValidationFailed } from '../../errors.js';
import { logger } from '../../logger.js';
import { state } from '../context.js';

/** Request ID, source IP and lower-cased headers for everything downstream; a request-ID response header. */
export function requestContext(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function requestContextBefore(request) {
      const event = request.event;
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = v;
      const s = state(request);
      s.request = {
        requestId: apiRequestId(event.requestContext?.requestId) ?? (request.context.awsRequestId || randomUUID()),
        sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
        method: (event.requestContext?.http?.method ?? '').toUpperCase(),
        path: event.rawPath ?? '',
        userAgent: headers['user-agent'] ?? '',
        headers,
        ...(typeof event.body === 'string' ? { rawBody: Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') } : {}),
      };
      logger.appendKeys({ requestId: s.request.requestId, route: event.routeKey });
      // API Gateway always hands a string; the local emulator hands on a parsed falsy JSON body (false, 0, -0)
      // as such. Anything but a string is bad input, never a 500 (issue 9 item 14).
      const body: unknown = event.body;
      if (body !== undefined && body !== null && typeof body !== 'string') {
        throw new ValidationFailed([{ path: 'body', message: 'The body must be a JSON object.' }]);
      }
    },
    after: function requestContextAfter(request) {
      finish(request);
    },
    onError: function requestContextOnError(request) {
      finish(request);
    },
  };
}

function finish(request: middy.Request<APIGatewayProxyEventV2>): void {
  const s = state(request);
  const response = request.response as { statusCode?: number; headers?: Record<string, string> } | undefined;
  if (response) response.headers = { ...response.headers, 'X-Request-Id': s.request.requestId };
  logger.info('request', {
    method: request.event.requestContext?.http?.method,
    routeKey: request.event.routeKey,
    status: response?.statusCode,
    durationMs: Math.round(performance.now() - s.startedAt),
  });
  logger.removeKeys(['requestId', 'route']);
}

/** serverless-offline gives every request the same placeholder ID; use the Lambda request ID then. */
function apiRequestId(id: string | undefined): string | undefined {
  return id && id !== 'offlineContext_resourceId' ? id : undefined;
}
