import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';

export const getOpenApiRoute = defineRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'The OpenAPI 3.1 document of this API, generated from the request and response schemas',
  tags: ['meta'],
  auth: 'none',
  success: { status: 200, description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) },
});
