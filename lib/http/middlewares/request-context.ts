import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
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
        userAgent: headers['user-agent'] ?? '',
        headers,
        ...(event.body !== undefined && event.body !== null
          ? { rawBody: Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') }
          : {}),
      };
      logger.appendKeys({ requestId: s.request.requestId, route: event.routeKey });
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
