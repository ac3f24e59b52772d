import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { safeParse } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import '../../zod-locale.js';
import { type FieldError, ValidationFailed } from '../../errors.js';
import { state } from '../context.js';
import type { RouteSpec } from '../route.js';

/** Validates body, path and query against the route's zod schemas; one 400 lists every bad field. */
export function validateRequest(spec: RouteSpec): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function validateRequestBefore(request) {
      const event = request.event as APIGatewayProxyEventV2 & { body: unknown };
      const errors: FieldError[] = [];
      const s = state(request);
      s.input.body = parse('body', spec.body, spec.body ? event.body : undefined, errors);
      s.input.params = parse('params', spec.params, event.pathParameters ?? {}, errors);
      s.input.query = parse('query', spec.query, event.queryStringParameters ?? {}, errors);
      if (errors.length > 0) throw new ValidationFailed(errors);
    },
  };
}

function parse(where: string, schema: $ZodType | undefined, value: unknown, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: [where, ...issue.path.map(String), key].join('.'), message: 'Unknown field.' });
      }
      continue;
    }
    errors.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message });
  }
  return undefined;
}
