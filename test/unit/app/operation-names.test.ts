/**
 * Issue 10: an operation has one name, its operationId — the route constant (`<operationId>Route`), the handler
 * file (`functions/<area>/<operationId>.ts`) and the use case (`lib/<area>/<operationId>.ts` exporting a function
 * `<operationId>`). Which function serves which route is test/integration/deploy/route-binding.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeModules } from '../../../lib/app/routes.js';
import type { RouteSpec } from '../../../lib/core/http/route.js';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true }).map((f) => path.posix.join(dir, String(f).replaceAll('\\', '/')));
const handlerFiles = filesUnder('functions').filter((f) => f.endsWith('.ts'));
const libFiles = filesUnder('lib').filter((f) => f.endsWith('.ts'));

const exported = Object.entries(routeModules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, RouteSpec] => typeof entry[1] === 'object' && entry[1] !== null && 'operationId' in entry[1])
    .map(([name, route]) => ({ module, name, route })),
);

/** Operations without a use case of their own: the local stage's test tools and the document itself. */
const NO_USE_CASE = new Set(['getOpenApi', 'localAdvanceClock', 'localGetClock', 'localListMessages', 'localRunScheduler']);

describe('one name per operation (issue 10)', () => {
  it.each(exported.map((e) => [e.route.operationId, e]))('%s: the route constant is <operationId>Route', (_id, e) => {
    expect(e.name).toBe(`${e.route.operationId}Route`);
  });

  it.each(exported.map((e) => [e.route.operationId]))('%s: exactly one handler file functions/<area>/<operationId>.ts', (id) => {
    expect(handlerFiles.filter((f) => path.posix.basename(f) === `${id}.ts`)).toHaveLength(1);
  });

  it.each(exported.filter((e) => !NO_USE_CASE.has(e.route.operationId)).map((e) => [e.route.operationId]))(
    '%s: the use case is lib/<area>/<operationId>.ts exporting the function <operationId>',
    (id) => {
      const files = libFiles.filter((f) => path.posix.basename(f) === `${id}.ts`);
      expect(files).toHaveLength(1);
      expect(readFileSync(files[0]!, 'utf8')).toMatch(new RegExp(`export (async )?function ${id}\\b`));
    },
  );

  it('operationIds are unique', () => {
    const ids = exported.map((e) => e.route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
