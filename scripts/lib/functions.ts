/** The functions serverless.yml declares (deployed ones, then the local-only ones). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface FunctionDef {
  name: string;
  /** Source file, relative to the project root. */
  entry: string;
  localOnly: boolean;
  /** The HTTP API route key of its httpApi event ("GET /v1/account"), if it has one. */
  http?: string;
}

type Declared = { handler: string; events?: Array<{ httpApi?: string | { method: string; path: string } }> };

export function declaredFunctions(): FunctionDef[] {
  const deployed = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')).functions[0] as Record<string, Declared>;
  const local = parse(readFileSync(join(root, 'sls', 'local-functions.yml'), 'utf8')) as Record<string, Declared>;
  const toDef =
    (localOnly: boolean) =>
    ([name, fn]: [string, Declared]): FunctionDef => {
      const event = fn.events?.find((e) => e.httpApi)?.httpApi;
      const http = typeof event === 'string' ? event : event ? `${event.method.toUpperCase()} ${event.path}` : undefined;
      return { name, entry: `${fn.handler.replace(/\.handler$/, '')}.ts`, localOnly, ...(http ? { http } : {}) };
    };
  return [...Object.entries(deployed).map(toDef(false)), ...Object.entries(local).map(toDef(true))];
}
