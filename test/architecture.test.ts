/**
 * Issue 10: the layout's rules, enforced. Imports are read with a regex over the source (static `import … from`,
 * `export … from`, side-effect `import '…'` and dynamic `import('…')`); relative specifiers are resolved to
 * repository paths. Each rule lists every offending file, so a failure says exactly what to fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.posix.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return SOURCE.test(name) && !name.endsWith('.d.mts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const text = new Map<string, string>();
function source(file: string): string {
  const known = text.get(file);
  if (known !== undefined) return known;
  const read = readFileSync(file, 'utf8');
  text.set(file, read);
  return read;
}

/** Every module specifier a file imports or re-exports (comments stripped first). */
function specifiers(file: string): string[] {
  const code = source(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** Repository path an import points at: relative specifiers resolved (extension dropped), packages as is. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.posix.join(path.posix.dirname(file), spec).replace(/\.(js|ts|mjs|cjs|mts)$/, '');
}

interface Import {
  file: string;
  spec: string;
  to: string;
}
const importsOf = (files: string[]): Import[] =>
  files.flatMap((file) => specifiers(file).map((spec) => ({ file, spec, to: target(file, spec) })));

const lib = filesUnder('lib');
const functions = filesUnder('functions');
const libImports = importsOf(lib);
const show = (i: Import) => `${i.file} imports ${i.spec}`;

/** (a) The files of lib/ that may import the AWS SDK: stores and adapters. */
const SDK_ADAPTERS = [
  'lib/core/notify/sns-notifier.ts',
  'lib/materials/s3-storage.ts',
  'lib/core/aws/lambda-credentials.ts',
  'lib/core/aws/no-endpoint-cache.ts',
  'lib/core/aws/no-event-streams.ts',
];
const maySendToAws = (file: string) =>
  path.posix.basename(file) === 'store.ts' ||
  file.split('/').slice(0, -1).includes('store') ||
  file.startsWith('lib/core/store/') ||
  file.startsWith('lib/core/aws/') ||
  file.startsWith('lib/local/') ||
  SDK_ADAPTERS.includes(file);

/** (g) SPEC rule IDs of the areas still to come: no test is expected to name them yet (shrink as they land). */
const RULES_STILL_TO_COME = ['R-PA-', 'R-PD-', 'R-MM-', 'R-RN-', 'R-RA-', 'R-LI-09'];

/** (f) Key prefixes only lib/core/store/ spells (keys.<name>(…) builds them). */
const KEY_PREFIX = /(['"`])(?:ACCOUNT#|CLAIM#|RECIPIENT#|CURRENCY#|PROFILE\1)/;

/** (h) The area of a lib/ path (`lib/<area>/…`); core and app are not areas (core imports none, app imports all). */
const areaOf = (file: string): string | undefined => {
  const [root, area] = file.split('/');
  return root === 'lib' && area && area !== 'core' && area !== 'app' && !/\.[a-z]+$/.test(area) ? area : undefined;
};

/** Area → the areas its files import (self excluded). */
function areaGraph(imports: Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    const from = areaOf(i.file);
    const to = areaOf(i.to);
    if (!from || !to || from === to) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

/** Every elementary cycle's nodes, as "a -> b -> a", each listed once (starting from its smallest area). */
function areaCycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) found.add([...path, start].join(' -> '));
      else if (next > start && !path.includes(next)) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...found].sort();
}

describe('architecture (issue 10)', () => {
  it('(a) @aws-sdk/* is imported in lib/ only by store.ts files, store/ folders, lib/core/store, and the named adapters', () => {
    expect(
      SDK_ADAPTERS.filter((f) => !lib.includes(f)),
      'listed adapters that no longer exist',
    ).toEqual([]);
    const offenders = libImports.filter((i) => i.spec.startsWith('@aws-sdk/') && !maySendToAws(i.file)).map(show);
    expect(offenders).toEqual([]);
  });

  it('(b) lib/core imports no area (nothing of lib/ outside lib/core)', () => {
    const offenders = libImports
      .filter((i) => i.file.startsWith('lib/core/') && i.to.startsWith('lib/') && !i.to.startsWith('lib/core/'))
      .map(show);
    expect(offenders).toEqual([]);
  });

  it('(c) lib/local is imported only by lib/app (and functions/local, tests, scripts)', () => {
    const offenders = importsOf([...lib, ...functions])
      .filter((i) => i.to.startsWith('lib/local/'))
      .filter((i) => !i.file.startsWith('lib/app/') && !i.file.startsWith('lib/local/') && !i.file.startsWith('functions/local/'))
      .map(show);
    expect(offenders).toEqual([]);
  });

  // A route spec in a module of its own (e.g. lib/accounts/security-phone-route.ts keeps the phone parser out of
  // the other account bundles) is still a route spec.
  const isRouteSpec = (file: string) => /^(routes|[a-z-]+-route)\.ts$/.test(path.posix.basename(file));

  it('(d) lib/core/http is imported in lib/ only by lib/core/http, lib/app and route-spec files (routes.ts, <x>-route.ts): use cases know no HTTP', () => {
    const offenders = libImports
      .filter((i) => i.to.startsWith('lib/core/http/') || i.to === 'lib/core/http')
      .filter((i) => !i.file.startsWith('lib/core/http/') && !i.file.startsWith('lib/app/') && !isRouteSpec(i.file))
      .map(show);
    expect(offenders).toEqual([]);
  });

  it('(e) transaction failures are read by tag, never by position (no failedItems( / failed.includes( in lib)', () => {
    const offenders = lib.filter((f) => /\bfailedItems\(|\bfailed\.includes\(/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('(f) no key prefix (ACCOUNT#, CLAIM#, RECIPIENT#, CURRENCY#, PROFILE) is spelled outside lib/core/store/', () => {
    const offenders = [...lib, ...functions]
      .filter((f) => !f.startsWith('lib/core/store/'))
      .flatMap((f) =>
        source(f)
          .split('\n')
          .flatMap((line, n) => (KEY_PREFIX.test(line) ? [`${f}:${n + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('(g) every SPEC rule ID is named by some test under test/, except the areas still to come', () => {
    const ids = [...new Set(readFileSync('docs/SPEC.md', 'utf8').match(/\bR-[A-Z]+-\d+\b/g) ?? [])];
    expect(ids.length, 'docs/SPEC.md has rule IDs').toBeGreaterThan(50);
    const tests = filesUnder('test')
      .filter((f) => f !== 'test/architecture.test.ts')
      .map((f) => source(f))
      .join('\n');
    const named = new Set(tests.match(/\bR-[A-Z]+-\d+\b/g) ?? []);
    const missing = ids.filter((id) => !named.has(id) && !RULES_STILL_TO_COME.some((p) => id === p || id.startsWith(p)));
    expect(missing).toEqual([]);
  });

  it('(h) no cycles between areas: the area import graph of lib/ (excluding core and app) is acyclic', () => {
    expect(areaCycles(areaGraph(libImports))).toEqual([]);
  });

  it.each([
    ['(a) an SDK import in a use case', 'lib/accounts/change-names.ts', "import { GetCommand } from '@aws-sdk/lib-dynamodb';", 'sdk'],
    ['(b) core importing an area', 'lib/core/x.ts', "import { a } from '../accounts/account.js';", 'core'],
    ['(d) a use case importing HTTP', 'lib/closure/close.ts', "import type { Session } from '../core/http/route.js';", 'http'],
  ])('the import reader catches %s', (_name, file, line, rule) => {
    const spec = /['"]([^'"]+)['"]/.exec(line)![1]!;
    const to = target(file, spec);
    const caught = {
      sdk: spec.startsWith('@aws-sdk/') && !maySendToAws(file),
      core: file.startsWith('lib/core/') && to.startsWith('lib/') && !to.startsWith('lib/core/'),
      http: to.startsWith('lib/core/http/') && !file.startsWith('lib/app/') && !isRouteSpec(file),
    }[rule];
    expect(caught).toBe(true);
  });

  it('(h) the cycle finder reports a cycle between areas, and none in a one-way graph', () => {
    const imp = (file: string, to: string): Import => ({ file, spec: to, to });
    const cyclic = [imp('lib/a/x.ts', 'lib/b/y'), imp('lib/b/y.ts', 'lib/c/z'), imp('lib/c/z.ts', 'lib/a/x'), imp('lib/a/x.ts', 'lib/core/q')];
    expect(areaCycles(areaGraph(cyclic))).toEqual(['a -> b -> c -> a']);
    expect(areaCycles(areaGraph(cyclic.slice(0, 2)))).toEqual([]);
  });
});
