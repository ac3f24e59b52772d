/**
 * Issue 9 item 15: what the HTTP API's default route answers. A request no route matched is a 404
 * problem, or a 405 with `Allow` when the path exists with other methods. Local-only paths exist only
 * in the local stage.
 */
import * as z from 'zod/mini';
import { config } from '../core/config.js';
import { MethodNotAllowed, NotFound } from '../core/errors.js';
import { defineRoute, type RouteSpec } from '../core/http/route.js';

/** Not part of the route registry (nor of the OpenAPI document): it answers for every path no route has. */
export const defaultRoute = defineRoute({
  operationId: 'defaultRoute',
  method: 'GET',
  path: '*',
  summary: 'Unknown route or method: a problem answer',
  tags: ['meta'],
  auth: 'none',
  success: { status: 404, description: 'Never a success', schema: z.never() },
});

/** A route path as a pattern: each `{param}` is one non-empty segment. */
const pattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** Throws the problem for `method path`: 405 with the path's methods, or 404. */
export function unmatched(
  routes: ReadonlyArray<Pick<RouteSpec, 'method' | 'path' | 'localOnly'>>,
  method: string,
  path: string,
  includeLocal = config.isLocal,
): never {
  const allowed = routes
    .filter((r) => (includeLocal || !r.localOnly) && pattern(r.path).test(path))
    .map((r) => r.method)
    .filter((m, i, all) => all.indexOf(m) === i)
    .sort();
  if (allowed.length > 0 && !allowed.includes(method as never)) throw new MethodNotAllowed(allowed);
  throw new NotFound('No such route.');
}
