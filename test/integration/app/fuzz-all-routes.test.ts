import fc from 'fast-check';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { declaredFunctions, root } from '../../../scripts/lib/functions.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { type Handler, apiEvent, invoke, lambdaContext } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

/** Every route of the route registry that takes a JSON body, with the function serverless.yml routes it to. */
const functionsByRoute = new Map(declaredFunctions().flatMap((fn) => (fn.http ? [[fn.http, fn] as const] : [])));
const targets = allRoutes
  .filter((route) => route.body)
  .map((route) => ({ route, fn: functionsByRoute.get(`${route.method} ${route.path}`)! }));

/** The body schema's top-level keys, so random bodies also reach past "unknown field". */
function keysOf(schema: z.ZodMiniType): string[] {
  // Read from the definition: zod/mini schemas (issue 10) have `shape` but no `options` accessor.
  const { shape, options } = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown>; options?: z.ZodMiniType[] } } })._zod
    .def;
  if (shape) return Object.keys(shape);
  return options ? options.flatMap(keysOf) : [];
}

let token = '';
const authHeaders = (auth: string): Record<string, string> =>
  auth === 'session' || auth === 'optional' ? bearer(token) : auth === 'operator' ? { 'x-operator-key': 'test-operator-key' } : {};
beforeAll(async () => {
  token = (await signUp()).token;
});

describe('bad input never becomes a 500, on any route', () => {
  it('every route of the route registry that takes a body has a function and is fuzzed (issue 9: derived from the registry, not counted)', () => {
    expect(targets.length).toBeGreaterThan(0);
    for (const { route, fn } of targets) expect(fn, `${route.method} ${route.path} has no function in serverless.yml`).toBeDefined();
  });

  /** What the local emulator hands on for the JSON bodies false, 0.0, -0 and 0e0: the parsed falsy value, not a string. */
  const falsyBodies: Array<[string, unknown]> = [
    ['false', false],
    ['0.0', 0],
    ['-0', -0],
    ['0e0', 0],
  ];

  it.each(targets.map((t) => [t.route.operationId, t] as const))(
    '%s answers a non-string body (false, 0.0, -0, 0e0) with a 400 problem (issue 9 item 14)',
    async (_name, { fn, route }) => {
      const handler = (await import(pathToFileURL(join(root, fn.entry)).href)).handler as Handler;
      const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'x_fuzz']));
      for (const [label, value] of falsyBodies) {
        const event = apiEvent({
          method: route.method,
          path: route.path,
          pathParameters: params,
          headers: { 'content-type': 'application/json', ...authHeaders(route.auth) },
        });
        (event as unknown as { body: unknown }).body = value;
        const res = await handler(event, lambdaContext());
        expect(res.statusCode, `${label}: ${String(res.body)}`).toBe(400);
        expect(res.headers?.['Content-Type']).toBe('application/problem+json');
        expect(JSON.parse(String(res.body)).errors).toEqual([{ path: 'body', message: expect.any(String) }]);
      }
      // The same bodies as JSON text (as API Gateway hands them) are 400s too.
      for (const raw of ['false', '0.0', '-0', '0e0']) {
        const res = await invoke(handler, {
          method: route.method,
          path: route.path,
          pathParameters: params,
          body: raw,
          headers: { 'content-type': 'application/json', ...authHeaders(route.auth) },
        });
        expect(res.status, `${raw}: ${JSON.stringify(res.body)}`).toBe(400);
      }
    },
  );

  it.each(targets.map((t) => [t.route.operationId, t] as const))(
    '%s answers random bodies with 2xx/4xx only, problem+json, no stack',
    async (_name, { fn, route }) => {
      const handler = (await import(pathToFileURL(join(root, fn.entry)).href)).handler as Handler;
      const keys = keysOf(route.body!);
      const body = fc.oneof(
        fc.constantFrom('false', '0.0', '-0', '0e0', 'null', '""', '[]'),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string(),
        keys.length ? fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()).map((v) => JSON.stringify(v)) : fc.constant('{}'),
      );
      const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'x_fuzz']));
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const res = await invoke(handler, {
            method: route.method,
            path: route.path,
            pathParameters: params,
            body: raw,
            headers: {
              'content-type': 'application/json',
              ...(route.auth === 'session' || route.auth === 'optional' ? bearer(token) : {}),
              ...(route.auth === 'operator' ? { 'x-operator-key': 'test-operator-key' } : {}),
            },
          });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toBe('application/problem+json');
            expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
          }
        }),
        { numRuns: 25 },
      );
    },
  );
});
