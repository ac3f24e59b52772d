/**
 * The OpenAPI document getOpenApi serves (issue 10, bundle budget): generated at build time from the route specs
 * (scripts/openapi.ts writes openapi.generated.json with buildOpenApi), so the function bundles neither zod-openapi
 * nor zod's JSON Schema code. The artifact is the local stage's document; a deployed stage leaves out the
 * local-only operations and shows its own tags. esbuild.config.cjs bundles the artifact brotli-packed.
 */
import { config } from '../core/config.js';
import generated from './openapi.generated.json';

type Document = Record<string, unknown> & { paths: Record<string, Record<string, unknown>>; tags?: unknown[] };
interface Artifact {
  localOnly: Array<[path: string, method: string]>;
  deployedTags: unknown[];
  document: Document;
}

const cached = new Map<boolean, Record<string, unknown>>();

export function openApiDocument(includeLocal = config.isLocal): Record<string, unknown> {
  let doc = cached.get(includeLocal);
  if (!doc) {
    doc = includeLocal ? served(generated as unknown as Artifact) : deployed(generated as unknown as Artifact);
    cached.set(includeLocal, doc);
  }
  return doc;
}

const served = (artifact: Artifact): Document => artifact.document;

/** The local stage's document without its local-only operations (a path left with none goes), with the deployed tags. */
function deployed(artifact: Artifact): Document {
  const paths: Document['paths'] = {};
  for (const [path, item] of Object.entries(artifact.document.paths)) {
    const kept = Object.fromEntries(
      Object.entries(item).filter(([method]) => !artifact.localOnly.some(([p, m]) => p === path && m === method)),
    );
    if (Object.keys(kept).length) paths[path] = kept;
  }
  return { ...artifact.document, tags: artifact.deployedTags, paths };
}
