import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildOpenApi } from '../../../lib/core/http/openapi.js';
import { allRoutes } from '../../../lib/app/routes.js';

type Fn = { handler: string; events?: Array<{ httpApi?: string }> };

function slsRoutes(file: string, pick: (doc: any) => Record<string, Fn>): string[] {
  const fns = pick(parse(readFileSync(file, 'utf8')));
  return Object.values(fns).flatMap((fn) => (fn.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : [])));
}

function docRoutes(includeLocal: boolean): string[] {
  const doc = buildOpenApi(allRoutes, includeLocal);
  return Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('OpenAPI document and serverless.yml describe the same routes', () => {
  // The catch-all default route ('*', issue 9 item 15) answers only problems and is not an operation.
  const deployed = slsRoutes('serverless.yml', (d) => d.functions[0]).filter((r) => r !== '*');
  const localOnly = slsRoutes('sls/local-functions.yml', (d) => d);

  it('deployed stages: every serverless.yml route is documented and vice versa', () => {
    expect(docRoutes(false).sort()).toEqual(deployed.sort());
  });

  it('local stage: the local-only routes are added on both sides', () => {
    expect(docRoutes(true).sort()).toEqual([...deployed, ...localOnly].sort());
  });

  it('issue 9 item 15: serverless.yml has exactly one default route, in every stage', () => {
    expect(slsRoutes('serverless.yml', (d) => d.functions[0]).filter((r) => r === '*')).toHaveLength(1);
    expect(localOnly).not.toContain('*');
  });

  it('no deployed route lives under /local', () => {
    expect(deployed.filter((r) => r.includes(' /local'))).toEqual([]);
  });

  it('every route has a unique operationId and a handler file that exists', () => {
    const ids = allRoutes.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const fns = {
      ...parse(readFileSync('serverless.yml', 'utf8')).functions[0],
      ...parse(readFileSync('sls/local-functions.yml', 'utf8')),
    };
    for (const fn of Object.values(fns) as Fn[]) {
      const file = `${fn.handler.replace(/\.handler$/, '')}.ts`;
      expect(() => readFileSync(file), file).not.toThrow();
    }
  });
});
