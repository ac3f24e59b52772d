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
}

export function declaredFunctions(): FunctionDef[] {
  const deployed = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')).functions[0] as Record<string, { handler: string }>;
  const local = parse(readFileSync(join(root, 'sls', 'local-functions.yml'), 'utf8')) as Record<string, { handler: string }>;
  const toDef = (localOnly: boolean) => ([name, fn]: [string, { handler: string }]): FunctionDef => ({
    name,
    entry: `${fn.handler.replace(/\.handler$/, '')}.ts`,
    localOnly,
  });
  return [...Object.entries(deployed).map(toDef(false)), ...Object.entries(local).map(toDef(true))];
}
