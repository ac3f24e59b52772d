import fc from 'fast-check';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { declaredFunctions, root } from '../../../scripts/lib/functions.js';
import { allRoutes } from '../../../lib/http/routes.js';
import { type Handler, invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

/** Every route that takes a JSON body, with its handler (function name = operationId). */
const targets = declaredFunctions()
  .map((fn) => ({ fn, route: allRoutes.find((r) => r.operationId === fn.name) }))
  .filter((t): t is { fn: (typeof t)['fn']; route: NonNullable<(typeof t)['route']> } => Boolean(t.route?.body));

/** The body schema's top-level keys, so random bodies also reach past "unknown field". */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  const options = (schema as unknown as { options?: z.ZodType[] }).options;
  return options ? options.flatMap(keysOf) : [];
}

let token = '';
beforeAll(async () => {
  token = (await signUp()).token;
});

describe('bad input never becomes a 500, on any route', () => {
  it('routes with a body are all covered', () => {
    expect(targets.length).toBeGreaterThan(25);
  });

  it.each(targets.map((t) => [t.route.operationId, t] as const))('%s answers random bodies with 2xx/4xx only, problem+json, no stack', async (_name, { fn, route }) => {
    const handler = (await import(pathToFileURL(join(root, fn.entry)).href)).handler as Handler;
    const keys = keysOf(route.body!);
    const body = fc.oneof(
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
          headers: { 'content-type': 'application/json', ...(route.auth === 'session' || route.auth === 'optional' ? bearer(token) : {}), ...(route.auth === 'operator' ? { 'x-operator-key': 'test-operator-key' } : {}) },
        });
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toBe('application/problem+json');
          expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
        }
      }),
      { numRuns: 25 },
    );
  });
});
