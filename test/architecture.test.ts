/**
 * Issue 10: the layout's rules, enforced. Imports are read with TypeScript's own pre-processor
 * (`ts.preProcessFile`): static `import … from`, `export … from`, side-effect `import '…'`, dynamic `import('…')`
 * (template literals too) and `require('…')`, never anything inside a comment or a string. Relative specifiers are
 * resolved to repository paths. Each rule lists every offending file, so a failure says exactly what to fix.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
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

/** Every module specifier a source text imports, re-exports or requires (TypeScript's reader: comments and strings are not imports). */
function specifiersIn(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
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
/** The imports of one file, given its source text (the reader every rule and the self-test use). */
const importsIn = (file: string, code: string): Import[] => specifiersIn(code).map((spec) => ({ file, spec, to: target(file, spec) }));
const importsOf = (files: string[]): Import[] => files.flatMap((file) => importsIn(file, source(file)));

const lib = filesUnder('lib');
const functions = filesUnder('functions');
const libImports = importsOf(lib);
const allImports = importsOf([...lib, ...functions]);
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
  file.startsWith('lib/') &&
  (path.posix.basename(file) === 'store.ts' ||
    file.split('/').slice(0, -1).includes('store') ||
    file.startsWith('lib/core/store/') ||
    file.startsWith('lib/core/aws/') ||
    file.startsWith('lib/local/') ||
    SDK_ADAPTERS.includes(file));

/** (g) SPEC rule IDs of the areas still to come: no test is expected to name them yet (shrink as they land). */
const RULES_STILL_TO_COME = ['R-LI-09'];

/** (f) Key prefixes only lib/core/store/ spells (keys.<name>(…) builds them). */
const KEY_PREFIX = /(['"`])(?:ACCOUNT#|CLAIM#|RECIPIENT#|CURRENCY#|PROFILE\1)/;

/** (h) The area of a lib/ path (`lib/<area>/…`); core and app are not areas (core imports none, app imports all). */
const areaOf = (file: string): string | undefined => {
  const [root, area] = file.split('/');
  return root === 'lib' && area && area !== 'core' && area !== 'app' && !/\.[a-z]+$/.test(area) ? area : undefined;
};

// A route spec in a module of its own (e.g. lib/accounts/security-phone-route.ts keeps the phone parser out of
// the other account bundles) is still a route spec.
const isRouteSpec = (file: string) => /^(routes|[a-z-]+-route)\.ts$/.test(path.posix.basename(file));
const under = (to: string, dir: string) => to === dir || to.startsWith(`${dir}/`);

/** Each import rule as a predicate over one import: true = the import breaks the rule. The self-test runs the same ones. */
const offence = {
  /** (a) the SDK outside stores and adapters; handlers (functions/) never. */
  sdk: (i: Import) => i.spec.startsWith('@aws-sdk/') && !maySendToAws(i.file),
  /** (b) lib/core importing anything of lib/ outside lib/core. */
  core: (i: Import) => i.file.startsWith('lib/core/') && i.to.startsWith('lib/') && !under(i.to, 'lib/core'),
  /** (c) lib/local outside lib/app, lib/local and functions/local. */
  local: (i: Import) =>
    under(i.to, 'lib/local') &&
    !i.file.startsWith('lib/app/') &&
    !i.file.startsWith('lib/local/') &&
    !i.file.startsWith('functions/local/'),
  /** (d) lib/core/http in a use case (anything of lib/ but lib/core/http, lib/app and route specs). */
  http: (i: Import) =>
    i.file.startsWith('lib/') &&
    under(i.to, 'lib/core/http') &&
    !i.file.startsWith('lib/core/http/') &&
    !i.file.startsWith('lib/app/') &&
    !isRouteSpec(i.file),
  /** (i) an area importing the composition root. */
  app: (i: Import) => areaOf(i.file) !== undefined && under(i.to, 'lib/app'),
  /** (j) an area importing the Lambda edge (event types, middy). */
  edge: (i: Import) => areaOf(i.file) !== undefined && (i.spec === 'aws-lambda' || i.spec.startsWith('@middy/')),
} satisfies Record<string, (i: Import) => boolean>;

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

/** The source file a resolved relative import names (`lib/x/y` → `lib/x/y.ts`), if `exists` knows it. */
const fileOf = (to: string, exists: (file: string) => boolean): string | undefined =>
  [to, `${to}.ts`, `${to}.mts`, `${to}/index.ts`].find((f) => SOURCE.test(f) && exists(f));

/** Every source file `entry` reaches through relative imports, itself included (read: a file's text, or undefined). */
function reachable(entry: string, read: (file: string) => string | undefined): Set<string> {
  const seen = new Set<string>();
  const exists = (f: string) => read(f) !== undefined;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of importsIn(file, read(file)!)) {
      if (!i.spec.startsWith('.')) continue;
      const next = fileOf(i.to, exists);
      if (next) visit(next);
    }
  };
  visit(entry);
  return seen;
}
const readRepo = (file: string) => (existsSync(file) && statSync(file).isFile() ? source(file) : undefined);

/** (k) Disabling and purging read the hooks of lib/core/lifecycle.ts, which only lib/app/lifecycle.ts registers. */
const HOOKS = 'lib/core/lifecycle.ts';
const REGISTRATION = 'lib/app/lifecycle.ts';
const unregisteredLifecycle = (entries: string[], read: (file: string) => string | undefined): string[] =>
  entries.filter((entry) => {
    const reach = reachable(entry, read);
    return reach.has(HOOKS) && !reach.has(REGISTRATION);
  });
const LAMBDA_ENTRIES = [...functions, 'lib/app/scheduler-handler.ts'];

describe('architecture (issue 10)', () => {
  it('(a) @aws-sdk/* is imported by no handler (functions/), and in lib/ only by store.ts files, store/ folders, lib/core/store, and the named adapters', () => {
    expect(
      SDK_ADAPTERS.filter((f) => !lib.includes(f)),
      'listed adapters that no longer exist',
    ).toEqual([]);
    expect(allImports.filter(offence.sdk).map(show)).toEqual([]);
  });

  it('(b) lib/core imports no area (nothing of lib/ outside lib/core)', () => {
    expect(libImports.filter(offence.core).map(show)).toEqual([]);
  });

  it('(c) lib/local is imported only by lib/app (and functions/local, tests, scripts)', () => {
    expect(allImports.filter(offence.local).map(show)).toEqual([]);
  });

  it('(d) lib/core/http is imported in lib/ only by lib/core/http, lib/app and route-spec files (routes.ts, <x>-route.ts): use cases know no HTTP', () => {
    expect(libImports.filter(offence.http).map(show)).toEqual([]);
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

  it('(i) no area (lib/<area>/, outside lib/core and lib/app) imports lib/app: only handlers, tests and scripts do', () => {
    expect(libImports.filter(offence.app).map(show)).toEqual([]);
  });

  it('(j) no area (lib/<area>/, outside lib/core and lib/app) imports aws-lambda or @middy/*: the Lambda edge is core/app', () => {
    expect(libImports.filter(offence.edge).map(show)).toEqual([]);
  });

  it('(k) R-CL-08/R-CL-13: every Lambda entry that reaches lib/core/lifecycle.ts (disable, purge) also loads lib/app/lifecycle.ts (the hooks)', () => {
    const reachingHooks = LAMBDA_ENTRIES.filter((entry) => reachable(entry, readRepo).has(HOOKS));
    expect(reachingHooks, 'the walk finds the handlers that disable or purge').toEqual(
      expect.arrayContaining([
        'functions/closure/disableServices.ts',
        'functions/huawei-id/deleteHuaweiId.ts',
        'functions/scheduler/tick.ts',
      ]),
    );
    expect(unregisteredLifecycle(LAMBDA_ENTRIES, readRepo)).toEqual([]);
  });

  // The self-test feeds fixture source text through the reader the rules use (importsIn → ts.preProcessFile) and
  // the rules' own predicates: breaking either breaks these rows.
  it.each([
    [
      '(a) an SDK import in a use case, after a string holding "/*"',
      'lib/accounts/change-names.ts',
      "const t = 'text/*';\nimport { GetCommand } from '@aws-sdk/lib-dynamodb';\n/* a comment */",
      'sdk',
      ['@aws-sdk/lib-dynamodb'],
    ],
    [
      '(a) an SDK require in a handler',
      'functions/accounts/x.ts',
      "const { SNS } = require('@aws-sdk/client-sns');",
      'sdk',
      ['@aws-sdk/client-sns'],
    ],
    [
      '(a) an SDK import in a handler named store.ts',
      'functions/accounts/store.ts',
      "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
      'sdk',
      ['@aws-sdk/lib-dynamodb'],
    ],
    [
      '(a) no SDK import in a comment or a string',
      'lib/accounts/x.ts',
      "/* import a from '@aws-sdk/x'; */\n// import b from '@aws-sdk/y';\nconst s = \"import c from '@aws-sdk/z'\";",
      'sdk',
      [],
    ],
    ['(b) core importing an area', 'lib/core/x.ts', "import { a } from '../accounts/account.js';", 'core', ['../accounts/account.js']],
    [
      '(c) a use case importing lib/local',
      'lib/materials/x.ts',
      "export { a } from '../local/storage.js';",
      'local',
      ['../local/storage.js'],
    ],
    [
      '(d) a use case importing HTTP by a template-literal dynamic import',
      'lib/closure/close.ts',
      'const r = await import(`../core/http/route.js`);',
      'http',
      ['../core/http/route.js'],
    ],
    [
      '(d) a use case importing HTTP types',
      'lib/closure/close.ts',
      "import type { Session } from '../core/http/route.js';",
      'http',
      ['../core/http/route.js'],
    ],
    ['(i) an area importing the composition root', 'lib/closure/x.ts', "import '../app/lifecycle.js';", 'app', ['../app/lifecycle.js']],
    ['(i) lib/app and handlers may import lib/app', 'functions/closure/x.ts', "import '../../lib/app/lifecycle.js';", 'app', []],
    [
      '(j) an area importing aws-lambda and middy',
      'lib/sessions/x.ts',
      "import type { Context } from 'aws-lambda';\nimport middy from '@middy/core';",
      'edge',
      ['aws-lambda', '@middy/core'],
    ],
    ['(j) core may import middy', 'lib/core/http/x.ts', "import middy from '@middy/core';", 'edge', []],
  ] as const)('the import reader catches %s', (_name, file, code, rule, caught) => {
    expect(
      importsIn(file, code)
        .filter(offence[rule])
        .map((i) => i.spec),
    ).toEqual(caught);
  });

  it('(k) the lifecycle walk reports an entry reaching the hooks without the registration, through any depth of relative imports', () => {
    const fixture = (files: Record<string, string>) => (file: string) => files[file];
    const repo = {
      'functions/a/disable.ts': "import { disable } from '../../lib/closure/disable.js';",
      'functions/a/registered.ts': "import '../../lib/app/lifecycle.js';\nimport { disable } from '../../lib/closure/disable.js';",
      'functions/a/other.ts': "import { x } from '../../lib/closure/other.js';",
      'lib/closure/disable.ts': "import { releasesOnDisable } from '../core/lifecycle.js';",
      'lib/closure/other.ts': "// import '../core/lifecycle.js';\nexport const x = 1;",
      'lib/app/lifecycle.ts': "import { registerLifecycle } from '../core/lifecycle.js';",
      'lib/core/lifecycle.ts': 'export const hooks = 1;',
    };
    expect(unregisteredLifecycle(['functions/a/disable.ts', 'functions/a/registered.ts', 'functions/a/other.ts'], fixture(repo))).toEqual([
      'functions/a/disable.ts',
    ]);
  });

  it('(h) the cycle finder reports a cycle between areas, and none in a one-way graph', () => {
    const imp = (file: string, to: string): Import => ({ file, spec: to, to });
    const cyclic = [
      imp('lib/a/x.ts', 'lib/b/y'),
      imp('lib/b/y.ts', 'lib/c/z'),
      imp('lib/c/z.ts', 'lib/a/x'),
      imp('lib/a/x.ts', 'lib/core/q'),
    ];
    expect(areaCycles(areaGraph(cyclic))).toEqual(['a -> b -> c -> a']);
    expect(areaCycles(areaGraph(cyclic.slice(0, 2)))).toEqual([]);
  });
});
