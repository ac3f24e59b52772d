/**
 * The one factory every HTTP function uses. A handler file is:
 *
 *   export const handler = httpHandler(route, (input) => useCase(input));
 */
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config } from '../config.js';
import { state } from './context.js';
import { authFor, closedAccountGuard } from './middlewares/authenticate.js';
import { noStore } from './middlewares/cache-control.js';
import { earlyReturnCleanup } from './middlewares/early-return.js';
import { idempotency } from './middlewares/idempotency.js';
import { problemJson } from './middlewares/problem-json.js';
import { requestContext } from './middlewares/request-context.js';
import { testClock } from './middlewares/test-clock.js';
import { validateRequest } from './middlewares/validate-request.js';
import type { HandlerInput, HandlerOutput, RouteSpec } from './route.js';

export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export function httpHandler<Spec extends RouteSpec>(
  spec: Spec,
  run: (input: HandlerInput<Spec>) => Promise<HandlerOutput<Spec>> | HandlerOutput<Spec>,
): HttpLambda {
  const core = async function routeHandler(
    _event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> {
    const s = state({ context });
    const out = await run({
      body: s.input.body,
      params: s.input.params,
      query: s.input.query,
      session: s.session,
      operator: s.operator,
      request: s.request,
    } as HandlerInput<Spec>);
    const status = out.status ?? spec.success.status;
    const headers: Record<string, string> = { ...out.headers };
    if (status === 204 || out.body === undefined) return { statusCode: status, headers };
    return {
      statusCode: status,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(out.body),
    };
  };

  // The edge: every answer (problems and idempotent replays too) gets these headers.
  const edge = [
    requestContext(),
    httpCors({ origins: [...config.http.corsOrigins], headers: 'Authorization,Content-Type,Idempotency-Key,X-Operator-Key' }),
    httpSecurityHeaders(),
    noStore(),
  ] as middy.MiddlewareObj[];
  const stack = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(core);
  for (const mw of edge) stack.use(mw);
  stack.use(earlyReturnCleanup(edge)).use(problemJson());
  if (config.testClock) stack.use(testClock());
  for (const mw of authFor(spec.auth)) stack.use(mw);
  if (spec.auth === 'session') stack.use(closedAccountGuard(spec.method, spec.allowedWhenClosed ?? false));
  if (spec.idempotent) stack.use(idempotency(spec.operationId));
  if (spec.body) stack.use(httpJsonBodyParser());
  stack.use(validateRequest(spec));
  return stack as unknown as HttpLambda;
}
