/**
 * The middy factory behind every HTTP function. The composition root (lib/app/http.ts) supplies what
 * needs an area (session authentication, the closed-account guard) and local-only parts (the test
 * clock); core itself imports no area. A handler file is:
 *
 *   export const handler = httpHandler(route, (input) => useCase(input));
 */
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { config } from '../config.js';
import type { Caller } from '../caller.js';
import { state } from './context.js';
import { noStore } from './middlewares/cache-control.js';
import { cors } from './middlewares/cors.js';
import { earlyReturnCleanup } from './middlewares/early-return.js';
import { problemJson } from './middlewares/problem-json.js';
import { requestContext } from './middlewares/request-context.js';
import { securityHeaders } from './middlewares/security-headers.js';
import { validateRequest } from './middlewares/validate-request.js';
import type { Auth, HandlerInput, HandlerOutput, RouteSpec } from './route.js';

export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What the composition root plugs into every stack. */
type Mw = middy.MiddlewareObj<APIGatewayProxyEventV2>;
export interface EdgeParts {
  /** Runs first after the edge (the local stage's test clock). */
  before: () => middy.MiddlewareObj[];
  /** Authenticates the route's kind of caller. */
  auth: (auth: Auth) => Mw[];
  /** Refuses what the caller's account may not do now (e.g. mutations of a closed account). */
  guard: (spec: RouteSpec) => Mw[];
  /**
   * Idempotency-Key handling for the routes that declare it (`spec.idempotent`). The product edge supplies it; an
   * edge without it (the local stage's tools) carries none of its code and refuses to serve an idempotent route.
   */
  idempotency?: (operationId: string) => Mw;
}

export type HttpHandlerFactory = <Spec extends RouteSpec>(
  spec: Spec,
  run: (input: HandlerInput<Spec>) => Promise<HandlerOutput<Spec>> | HandlerOutput<Spec>,
) => HttpLambda & { route: Spec };

export function makeHttpHandler(parts: EdgeParts): HttpHandlerFactory {
  return (spec, run) => Object.assign(build(parts, spec, run), { route: spec });
}

function build<Spec extends RouteSpec>(
  parts: EdgeParts,
  spec: Spec,
  run: (input: HandlerInput<Spec>) => Promise<HandlerOutput<Spec>> | HandlerOutput<Spec>,
): HttpLambda {
  const core = async function routeHandler(_event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
    const s = state({ context });
    const out = await run({
      body: s.input.body,
      params: s.input.params,
      query: s.input.query,
      session: s.session,
      operator: s.operator,
      request: s.request,
      caller: callerOf(s),
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
    cors({ origins: [...config.http.corsOrigins], headers: 'Authorization,Content-Type,Idempotency-Key,X-Operator-Key' }),
    securityHeaders(),
    noStore(),
  ] as middy.MiddlewareObj[];
  const stack = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(core);
  for (const mw of edge) stack.use(mw);
  stack.use(earlyReturnCleanup(edge)).use(problemJson());
  for (const mw of parts.before()) stack.use(mw);
  for (const mw of parts.auth(spec.auth)) stack.use(mw);
  for (const mw of parts.guard(spec)) stack.use(mw);
  if (spec.idempotent) {
    if (!parts.idempotency) throw new Error(`${spec.operationId} declares idempotency but its edge has none.`);
    stack.use(parts.idempotency(spec.operationId));
  }
  if (spec.body) stack.use(httpJsonBodyParser());
  stack.use(validateRequest(spec));
  return stack as unknown as HttpLambda;
}

function callerOf(s: ReturnType<typeof state>): Caller {
  const origin = {
    requestId: s.request.requestId,
    sourceIp: s.request.sourceIp,
    userAgent: s.request.userAgent,
    acceptLanguage: s.request.headers['accept-language'],
  };
  if (s.session)
    return { kind: 'account', accountId: s.session.accountId, sessionKey: s.session.sessionKey, status: s.session.status, origin };
  if (s.operator) return { kind: 'operator', operatorId: s.operator.operatorId, origin };
  return { kind: 'guest', origin };
}
