/**
 * Issue 10 (bundle budget): getOpenApi serves a document generated at build time from the route specs
 * (lib/app/openapi.generated.json, `npx tsx scripts/openapi.ts`) instead of building it with zod-openapi at run
 * time. The route specs stay the one source: the committed artifact must be what the generator makes now, and
 * what each stage serves must be exactly the document buildOpenApi makes for that stage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../lib/app/openapi-document.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { buildOpenApi } from '../../../lib/core/http/openapi.js';
import { openApiArtifact, routeTableArtifact } from '../../../scripts/openapi.js';

describe('issue 10: the OpenAPI document is generated at build time from the route specs', () => {
  it('lib/app/openapi.generated.json is what scripts/openapi.ts makes from the route specs (run `npx tsx scripts/openapi.ts`)', () => {
    expect(readFileSync('lib/app/openapi.generated.json', 'utf8') === openApiArtifact(), 'run `npx tsx scripts/openapi.ts`').toBe(true);
  });

  it("lib/app/route-table.generated.json (what the default route judges 404/405 on) is every route spec's method and path (issue 13)", () => {
    expect(readFileSync('lib/app/route-table.generated.json', 'utf8') === routeTableArtifact(), 'run `npx tsx scripts/openapi.ts`').toBe(
      true,
    );
  });

  it.each([
    ['the local stage (local-only routes included)', true],
    ['a deployed stage', false],
  ])('%s serves exactly the document buildOpenApi makes for it', (_stage, includeLocal) => {
    expect(JSON.stringify(openApiDocument(includeLocal))).toBe(JSON.stringify(buildOpenApi(allRoutes, includeLocal)));
  });

  it('a deployed stage serves no local-only path or tag', () => {
    const doc = openApiDocument(false) as { paths: Record<string, unknown>; tags: Array<{ name: string }> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/local/'))).toEqual([]);
    expect(doc.tags.map((t) => t.name)).not.toContain('local');
    expect(Object.keys((openApiDocument(true) as { paths: object }).paths)).toContain('/local/messages');
  });
});
