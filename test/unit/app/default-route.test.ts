import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../lib/core/http/problem.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { unmatched } from '../../../lib/app/default-route.js';

function answer(method: string, path: string, includeLocal: boolean) {
  try {
    unmatched(allRoutes, method, path, includeLocal);
  } catch (error) {
    const problem = toProblem(error);
    return { status: problem.status, allow: problem.headers.Allow };
  }
  throw new Error('unmatched must throw');
}

describe('the default route answers 404, or 405 with Allow for a known path (issue 9 item 15)', () => {
  it.each([
    ['GET', '/v1/nope', false, 404, undefined],
    ['DELETE', '/v1/account', false, 405, 'GET'],
    ['PATCH', '/v1/account/recipients/r1', false, 405, 'DELETE, PUT'],
    ['GET', '/v1/account/recipients/r1/x', false, 404, undefined],
    ['GET', '/v1/account/recipients/', false, 404, undefined],
    ['POST', '/v1/ops/accounts/a1/closure-hold/x', false, 404, undefined],
    // Local-only paths exist only in the local stage.
    ['DELETE', '/local/clock', false, 404, undefined],
    ['DELETE', '/local/clock', true, 405, 'GET, POST'],
  ])('%s %s (local routes: %s) answers %i', (method, path, local, status, allow) => {
    expect(answer(method, path, local)).toEqual({ status, allow });
  });

  it('every registered route, asked with a method it lacks, is a 405 listing its methods', () => {
    for (const route of allRoutes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x1');
      const res = answer('PATCH', path, true);
      expect(res.status, `${route.method} ${route.path}`).toBe(405);
      expect(res.allow?.split(', '), `${route.method} ${route.path}`).toContain(route.method);
    }
  });
});
