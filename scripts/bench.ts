/**
 * `npm run bench`: builds every function as it is deployed (minified ESM, esbuild.config.cjs) and
 * reports per function: bundle KB, median fresh-process import ms (>= 15 runs) and the ratio to
 * importing the same handler unbundled (own code compiled, node_modules resolved at run time).
 * Then where the largest bundle's bytes come from: KB per npm package and per folder of our own code
 * (esbuild metafile). Writes the same figures to bench-results.json. Not a test: it prints and exits 0.
 * Local-only functions are built as the local stage builds them; every other one as deployed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Metafile, build } from 'esbuild';
import { breakdown } from './lib/bundle-breakdown.js';
import { declaredFunctions, root } from './lib/functions.js';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET = { bundleKB: 300, importMs: 70, ratio: 0.4, overheadMs: 0.5 }; // issue 10: 300 KB, ratio 0.4
const outDir = join(root, '.bench');

/** The options of esbuild.config.cjs: as deployed, or as the local stage builds (serverless `--stage local`). */
function esbuildOptions(stage?: 'local') {
  const serverless = stage ? { getProvider: () => ({ getStage: () => stage }) } : undefined;
  const {
    exclude: _e,
    outputWorkFolder: _o,
    keepOutputDirectory: _k,
    outputFileExtension: _x,
    ...options
  } = require(join(root, 'esbuild.config.cjs'))(serverless);
  return options;
}

function importMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t))`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      STAGE: 'bench',
      TABLE_NAME: 'bench',
      AWS_REGION: 'eu-west-1',
      NOTIFIER: 'sns',
      LOG_LEVEL: 'SILENT',
      HMAC_SECRET: 'bench-secret-bench-secret-bench-secret',
      CORS_ORIGINS: 'https://console.account-center.example',
    },
  });
  if (res.status !== 0) throw new Error(`import of ${file} failed: ${res.stderr}`);
  return Number(res.stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const deployedOptions = esbuildOptions();
  const localOptions = esbuildOptions('local');
  const rows: Array<{ name: string; bundleKB: number; importMs: number; unbundledMs: number; ratio: number }> = [];
  let largest: { name: string; bytes: number; metafile: Metafile } | undefined;
  for (const fn of declaredFunctions()) {
    const bundled = join(outDir, 'bundled', `${fn.name}.mjs`);
    const unbundled = join(outDir, 'unbundled', `${fn.name}.mjs`);
    const options = fn.localOnly ? localOptions : deployedOptions;
    const { metafile } = await build({
      ...options,
      entryPoints: [join(root, fn.entry)],
      outfile: bundled,
      metafile: true,
      logLevel: 'error',
    });
    const bytes = statSync(bundled).size;
    if (!fn.localOnly && (!largest || bytes > largest.bytes)) largest = { name: fn.name, bytes, metafile: metafile! };
    await build({
      entryPoints: [join(root, fn.entry)],
      outfile: unbundled,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node22',
      logLevel: 'error',
    });
    const bundledRuns: number[] = [];
    const unbundledRuns: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      bundledRuns.push(importMs(bundled));
      unbundledRuns.push(importMs(unbundled));
    }
    const b = median(bundledRuns);
    const u = median(unbundledRuns);
    rows.push({
      name: fn.name,
      bundleKB: Math.round((statSync(bundled).size / 1024) * 10) / 10,
      importMs: Math.round(b * 10) / 10,
      unbundledMs: Math.round(u * 10) / 10,
      ratio: Math.round((b / u) * 100) / 100,
    });
  }

  const flag = (ok: boolean) => (ok ? ' ' : '!');
  const nameWidth = Math.max(22, ...rows.map((r) => r.name.length)); // issue 11: decideDisassociationAsCustomer is 30
  console.log(
    `Per function (median of ${RUNS} fresh-process imports; budgets: <= ${BUDGET.bundleKB} KB, <= ${BUDGET.importMs} ms, <= ${BUDGET.ratio}x)`,
  );
  console.log(
    `${'function'.padEnd(nameWidth)} ${'bundle KB'.padStart(10)} ${'import ms'.padStart(10)} ${'unbundled ms'.padStart(13)} ${'ratio'.padStart(6)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(nameWidth)} ${String(r.bundleKB).padStart(9)}${flag(r.bundleKB <= BUDGET.bundleKB)} ${String(r.importMs).padStart(9)}${flag(r.importMs <= BUDGET.importMs)} ${String(r.unbundledMs).padStart(13)} ${String(r.ratio).padStart(5)}${flag(r.ratio <= BUDGET.ratio)}`,
    );
  }
  const over = rows.filter((r) => r.bundleKB > BUDGET.bundleKB || r.importMs > BUDGET.importMs || r.ratio > BUDGET.ratio);
  console.log(over.length ? `Over budget (!): ${over.map((r) => r.name).join(', ')}` : 'All functions within budget.');

  const file = join(root, 'bench-results.json');
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  previous.functions = Object.fromEntries(rows.map((r) => [r.name, { bundleKB: r.bundleKB, importMs: r.importMs, ratio: r.ratio }]));

  if (largest) {
    const parts = breakdown(largest.metafile);
    const ownKB = (prefix: string) => Math.round(parts.filter((p) => p.owner.startsWith(prefix)).reduce((s, p) => s + p.kb, 0) * 10) / 10;
    console.log(
      `\nLargest deployed bundle: ${largest.name}, ${Math.round((largest.bytes / 1024) * 10) / 10} KB (KB per npm package / folder of our code; lib ${ownKB('lib')} KB, functions ${ownKB('functions')} KB in all)`,
    );
    for (const p of parts.filter((x) => x.kb >= 1)) console.log(`${p.owner.padEnd(40)} ${String(p.kb).padStart(6)}`);
    const small = parts.filter((x) => x.kb < 1);
    console.log(
      `${`(${small.length} more, under 1 KB each)`.padEnd(40)} ${String(Math.round(small.reduce((s, p) => s + p.kb, 0) * 10) / 10).padStart(6)}`,
    );
    previous.largestBundle = {
      function: largest.name,
      bundleKB: Math.round((largest.bytes / 1024) * 10) / 10,
      kbByOwner: Object.fromEntries(parts.map((p) => [p.owner, p.kb])),
    };
  }

  const ops = runOperations();
  if (ops) {
    console.log(
      '\nSDK calls per operation (DynamoDB Local; SNS.Publish counted as in a deployed stage; bundle KB: the function of that name)',
    );
    const operations = Object.entries(ops.operations as Record<string, { sdkCalls: number; calls: Record<string, number> }>);
    const opWidth = Math.max(16, ...operations.map(([name]) => name.length)); // issue 11: the partners operations
    const bundleOf = new Map(rows.map((r) => [r.name, r.bundleKB]));
    for (const [name, op] of operations) {
      const detail = Object.entries(op.calls)
        .map(([k, v]) => `${k}×${v}`)
        .join(', ');
      const kb = bundleOf.get(name);
      console.log(
        `${name.padEnd(opWidth)} ${String(op.sdkCalls).padStart(3)} ${(kb === undefined ? '' : `${kb} KB`).padStart(9)}  ${detail}`,
      );
    }
    console.log(
      `\nOverhead per operation (issue 10): handler time minus time inside SDK sends and hashing (scrypt, HMAC), p50 of ${RUNS} runs, in process, DynamoDB Local; target <= ${BUDGET.overheadMs} ms`,
    );
    console.log(
      `${'operation'.padEnd(16)} ${'overhead ms'.padStart(12)} ${'stack ms'.padStart(9)} ${'zod ms'.padStart(7)}   (stack: the route's middy stack around a use case that does nothing; zod: safeParse of the body alone)`,
    );
    for (const [name, op] of Object.entries(
      ops.operations as Record<string, { overheadMs?: number; stackMs?: number; zodParseMs?: number }>,
    )) {
      if (op.overheadMs === undefined) continue;
      console.log(
        `${name.padEnd(16)} ${String(op.overheadMs).padStart(11)}${flag(op.overheadMs <= BUDGET.overheadMs)} ${String(op.stackMs).padStart(9)} ${String(op.zodParseMs).padStart(7)}`,
      );
    }
    console.log(
      `\nLogin second step (verify code → session), server-side median over ${ops.loginSecondStep.runs} runs against DynamoDB Local, no password hashing: ${ops.loginSecondStep.medianMs} ms`,
    );
    previous.operations = ops.operations;
    previous.loginSecondStep = ops.loginSecondStep;
    console.log(
      '\nEnumeration timing, unknown / real account (R-SEC-03; server-side medians, interleaved runs, DynamoDB Local, delivery excluded; 1.00 = indistinguishable)',
    );
    for (const [name, t] of Object.entries(ops.enumerationTiming)) {
      console.log(
        `${name.padEnd(20)} real ${String(t.realMs).padStart(6)} ms  unknown ${String(t.unknownMs).padStart(6)} ms  ratio ${t.ratio.toFixed(2)}  (${t.runs} runs each)`,
      );
    }
    previous.enumerationTiming = ops.enumerationTiming;
    const sch = ops.scheduler;
    console.log('\nScheduler (DynamoDB Local; 10 due timers, median of 5 runs; target: items read = due items + buckets, ratio <= 1.2)');
    for (const [label, r] of [
      ['among 1 000 not-due', sch.among1000],
      ['among 100 000 not-due', sch.among100000],
    ] as const) {
      console.log(
        `${label.padEnd(24)} items read ${String(r.itemsRead).padStart(3)}  queries ${r.queries}  processed ${r.processed}  runtime ${r.runtimeMs} ms`,
      );
    }
    console.log(`runtime ratio 100 000 / 1 000: ${sch.runtimeRatio}${sch.runtimeRatio <= 1.2 ? '' : ' (over the 1.2 target)'}`);
    previous.scheduler = sch;
  }
  writeFileSync(file, `${JSON.stringify(previous, null, 2)}\n`);
}

/** Operation benchmarks run in a child process with their own DynamoDB Local (scripts/bench-operations.ts). */
interface SchedulerFigures {
  itemsRead: number;
  queries: number;
  processed: number;
  runtimeMs: number;
}

function runOperations():
  | {
      operations: object;
      loginSecondStep: { medianMs: number; runs: number };
      enumerationTiming: Record<string, { realMs: number; unknownMs: number; ratio: number; runs: number }>;
      scheduler: { among1000: SchedulerFigures; among100000: SchedulerFigures; runtimeRatio: number };
    }
  | undefined {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-operations.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RUNS: String(RUNS) },
  });
  if (res.status !== 0) {
    console.log(`\nOperation benchmarks skipped: ${(res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ')}`);
    return undefined;
  }
  return JSON.parse(res.stdout);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 0;
});
