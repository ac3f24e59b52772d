import { createDocument } from 'zod-openapi';
import * as z from 'zod';
import { config } from '../config.js';
import type { RouteSpec } from './route.js';
import { problem } from './schemas.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: every bad field is listed in `errors`',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found (also for resources of another account)',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Rule violation, with a stable `code` and the failed conditions',
  429: 'Rate limited; see Retry-After',
};

/** Builds the OpenAPI 3.1 document from the route contracts; local-only routes only in the local stage. */
export function buildOpenApi(routes: RouteSpec[], includeLocal = config.isLocal): ReturnType<typeof createDocument> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.localOnly && !includeLocal) continue;
    const errorStatuses = new Set<number>([400, ...(route.auth === 'none' ? [] : [401]), ...(route.errors ?? [])]);
    if (route.body) errorStatuses.add(415);
    const responses: Record<string, unknown> = {
      [String(route.success.status)]: {
        description: route.success.description,
        ...(route.success.schema ? { content: { 'application/json': { schema: route.success.schema } } } : {}),
      },
    };
    for (const other of route.otherSuccesses ?? []) {
      responses[String(other.status)] = {
        description: other.description,
        ...(other.schema ? { content: { 'application/json': { schema: other.schema } } } : {}),
      };
    }
    for (const status of errorStatuses) {
      responses[String(status)] = {
        description: ERROR_TEXT[status] ?? 'Error',
        content: { 'application/problem+json': { schema: problem } },
      };
    }
    const requestParams: Record<string, z.ZodType> = {};
    if (route.params) requestParams.path = route.params;
    if (route.query) requestParams.query = route.query;
    if (route.idempotent) {
      requestParams.header = z.object({
        'idempotency-key': z.string().min(8).max(128).optional().meta({ description: 'R-SEC-04: a replay within 24 h returns the first answer' }),
      });
    }
    const operation = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      ...(route.auth === 'session' ? { security: [{ session: [] }] } : {}),
      ...(route.auth === 'optional' ? { security: [{}, { session: [] }] } : {}),
      ...(route.auth === 'operator' ? { security: [{ operatorKey: [] }] } : {}),
      ...(Object.keys(requestParams).length ? { requestParams } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      responses,
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Account Center API',
      version: '1.0.0',
      description: 'My Account: sign-up, login, account information, closure. Errors are RFC 9457 problem details.',
    },
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'Opaque session token' },
        operatorKey: { type: 'apiKey', in: 'header', name: 'x-operator-key' },
      },
    },
    paths: paths as never,
  });
}
