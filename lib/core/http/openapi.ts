import { createDocument } from 'zod-openapi';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { config } from '../config.js';
import type { RouteSpec } from './route.js';
import { IDEMPOTENCY_KEY_PATTERN, problem } from './schemas.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: every bad field is listed in `errors`',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found (also for resources of another account)',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Rule violation, with a stable `code` and the failed conditions',
  429: 'Rate limited; see Retry-After',
};

/** Issue 9 item 18: headers every answer carries, and Retry-After on 429. */
const COMMON_HEADERS = {
  'X-Request-Id': { $ref: '#/components/headers/RequestId' },
  'Cache-Control': { $ref: '#/components/headers/CacheControl' },
};
const HEADER_COMPONENTS = {
  RequestId: { description: 'The ID of this request, as logged and audited', required: true, schema: { type: 'string', minLength: 1 } },
  CacheControl: {
    description: 'Caching directives; answers holding tokens, codes or contact data are `no-store`',
    schema: { type: 'string' },
  },
  RetryAfter: { description: 'Seconds to wait before retrying', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]*$' } },
};

function responseFor(status: number, description: string, content: Record<string, unknown> | undefined) {
  return {
    description,
    headers: status === 429 ? { ...COMMON_HEADERS, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : COMMON_HEADERS,
    ...(content ? { content } : {}),
  };
}

/** Builds the OpenAPI 3.1 document from the route contracts; local-only routes only in the local stage. */
export function buildOpenApi(routes: RouteSpec[], includeLocal = config.isLocal): ReturnType<typeof createDocument> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.localOnly && !includeLocal) continue;
    const errorStatuses = new Set<number>([400, ...(route.auth === 'none' ? [] : [401]), ...(route.errors ?? [])]);
    if (route.body) errorStatuses.add(415);
    // What the shared middlewares may answer: a reused Idempotency-Key (409), a closed account (422, R-CL-10).
    if (route.idempotent) errorStatuses.add(409);
    // Every write is a conditional write or transaction: the loser of a race with a concurrent change answers 409
    // STATE_CONFLICT (e.g. parallel preference or password changes), so every writing route declares it.
    if (route.method !== 'GET' && !route.localOnly) errorStatuses.add(409);
    if (route.auth === 'session' && route.method !== 'GET' && !route.allowedWhenClosed) errorStatuses.add(422);
    const json = (schema: $ZodType | undefined) => (schema ? { 'application/json': { schema } } : undefined);
    const responses: Record<string, unknown> = {
      [String(route.success.status)]: responseFor(route.success.status, route.success.description, json(route.success.schema)),
    };
    for (const other of route.otherSuccesses ?? []) {
      responses[String(other.status)] = responseFor(other.status, other.description, json(other.schema));
    }
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = responseFor(status, ERROR_TEXT[status] ?? 'Error', { 'application/problem+json': { schema: problem } });
    }
    const requestParams: Record<string, $ZodType> = {};
    if (route.params) requestParams.path = route.params;
    if (route.query) requestParams.query = route.query;
    if (route.idempotent) {
      requestParams.header = z.object({
        'idempotency-key': z
          .optional(z.string().check(z.regex(IDEMPOTENCY_KEY_PATTERN)))
          .check(z.meta({ description: 'R-SEC-04: 8 to 128 letters, digits, _ - : or .; a replay within 24 h returns the first answer' })),
      });
    }
    const requestBody = route.body
      ? { required: true, content: { 'application/json': { schema: route.body } } }
      : route.rawBody
        ? {
            required: true,
            description: route.rawBody.description,
            content: { [route.rawBody.contentType]: { schema: { type: 'string', contentMediaType: route.rawBody.contentType } } },
          }
        : undefined;
    const operation = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      security: { none: [], session: [{ session: [] }], optional: [{}, { session: [] }], operator: [{ operatorKey: [] }] }[route.auth],
      ...(Object.keys(requestParams).length ? { requestParams } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  const tags = [...new Set(routes.filter((r) => includeLocal || !r.localOnly).flatMap((r) => r.tags))];
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Account Center API',
      version: '1.0.0',
      description: 'My Account: sign-up, login, account information, closure. Errors are RFC 9457 problem details.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The stage that serves this document' }],
    tags: tags.map((name) => ({ name, description: `${name[0]!.toUpperCase()}${name.slice(1)} operations` })),
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'Opaque session token' },
        operatorKey: { type: 'apiKey', in: 'header', name: 'x-operator-key' },
      },
      headers: HEADER_COMPONENTS as never,
    },
    paths: paths as never,
  });
}
