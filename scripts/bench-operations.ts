/**
 * Operation benchmarks for `npm run bench`, run in a child process (the product's config reads its
 * environment at import). Starts its own in-memory DynamoDB Local, drives the handlers in-process and
 * prints one JSON object: SDK calls per operation and the server-side time of the login second step.
 * Messages go to an in-memory notifier so they can be read back; each send is one SNS.Publish in a
 * deployed stage and is counted as such. Issue 11: then one run of every partners operation under its operationId
 * (scripts/lib/bench-partners.ts; the counts test/integration/partners/*sdk-calls*.test.ts pin). Issue 12: then every
 * enterprise operation (scripts/lib/bench-enterprise.ts; the counts test/integration/enterprise/sdk-calls.test.ts pins).
 * Issue 13: then every real-name operation (scripts/lib/bench-realname.ts, on an s3rver of its own; the counts
 * test/integration/realname/sdk-calls.test.ts pins).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDbLocal, ensureTable } from './lib/dynamodb-local.js';
import { excludeHashing, excludeSdkSends, p50 } from './lib/overhead.js';
import { s3Env, startS3Local } from './lib/s3-local.js';

const dynamo = await startDynamoDbLocal({ port: await freePort() });
// Issue 13: the real-name part uploads materials through the presigned target, as the tests do (s3rver).
const s3Dir = mkdtempSync(join(tmpdir(), 'bench-s3-'));
const s3 = await startS3Local({ port: await freePort(), directory: s3Dir });
Object.assign(process.env, {
  // The test stage: DynamoDB Local is an emulator, which a deployed stage refuses at cold start (issue 9 item 10).
  STAGE: 'test',
  TABLE_NAME: 'bench-operations',
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  HMAC_SECRET: 'bench-secret-bench-secret-bench-secret',
  CORS_ORIGINS: 'http://localhost:3000',
  LOG_LEVEL: 'SILENT',
  // Operator routes (issue 11: enrollPartner, disassociateByTicket): one operator whose key the partners part sends.
  OPERATOR_KEYS: JSON.stringify({ bench: createHash('sha256').update('bench-operator-key').digest('hex') }),
  // The materials bucket on s3rver (its one key pair; DynamoDB Local takes any).
  ...s3Env(s3),
});
await ensureTable(dynamo.endpoint, 'bench-operations');

const { setClockOffset } = await import('../lib/core/clock.js');
const { useNotifier } = await import('../lib/core/notify/notifier.js');
const { beginExcluded, excludedMs, resetSdkCalls, sdkCallCounts } = await import('../lib/core/sdk-calls.js');
excludeHashing(beginExcluded);
excludeSdkSends(beginExcluded);
const { apiEvent, lambdaContext } = await import('../test/support/http.js');
const handlers = {
  sendCode: (await import('../functions/verification/sendVerificationCode.js')).handler,
  signUp: (await import('../functions/accounts/signUp.js')).handler,
  login: (await import('../functions/sessions/login.js')).handler,
  loginCode: (await import('../functions/sessions/sendLoginCode.js')).handler,
  verify: (await import('../functions/sessions/verifyLoginCode.js')).handler,
};

const sent: Array<{ to: string; body: string }> = [];
useNotifier({
  send: async (m) => {
    sent.push({ to: m.to, body: m.body });
  },
});
const codeFor = (to: string) =>
  [...sent]
    .reverse()
    .find((m) => m.to === to)!
    .body.match(/\b(\d{6})\b/)![1]!;

type Handler = (typeof handlers)[keyof typeof handlers];
/** Issue 10: the last call's handler time minus its time inside SDK calls and password hashing (ms). */
let lastOverheadMs = 0;
const lastRequest = new Map<Handler, { method: string; path: string; body?: object; pathParameters?: Record<string, string> }>();
async function call(
  handler: Handler,
  method: string,
  path: string,
  body: object | undefined,
  pathParameters?: Record<string, string>,
  headers?: Record<string, string>,
) {
  const ip = `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  lastRequest.set(handler, { method, path, body, pathParameters });
  const event = apiEvent({ method, path, body, pathParameters, sourceIp: ip, ...(headers ? { headers } : {}) });
  const context = lambdaContext();
  const excludedBefore = excludedMs();
  const started = performance.now();
  const res = await handler(event, context);
  lastOverheadMs = performance.now() - started - (excludedMs() - excludedBefore);
  if ((res.statusCode ?? 500) >= 300) throw new Error(`${method} ${path} → ${res.statusCode} ${res.body}`);
  return JSON.parse(String(res.body));
}
const overhead: Record<string, number[]> = { sendCode: [], signUp: [], loginPassword: [], loginSendCode: [], loginVerify: [] };

/** Runs `fn` and returns its SDK calls, SNS publishes included. */
async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; calls: Record<string, number>; total: number }> {
  const before = sent.length;
  resetSdkCalls();
  const value = await fn();
  const calls = { ...sdkCallCounts(), ...(sent.length > before ? { 'SNS.Publish': sent.length - before } : {}) };
  return { value, calls, total: Object.values(calls).reduce((a, b) => a + b, 0) };
}

const password = 'Bench-Secret-2026';
const email = `bench.${randomBytes(4).toString('hex')}@example.com`;
// Warm up clients and the dummy hash outside the counted runs.
await call(handlers.sendCode, 'POST', '/v1/verification-codes', { purpose: 'signup', channel: 'email', destination: `warm.${email}` });
setClockOffset(61_000);

const operations: Record<
  string,
  { sdkCalls: number; calls: Record<string, number>; overheadMs?: number; overheadRuns?: number; stackMs?: number; zodParseMs?: number }
> = {};
const sendCode = await counted(() =>
  call(handlers.sendCode, 'POST', '/v1/verification-codes', { purpose: 'signup', channel: 'email', destination: email }),
);
operations.sendCode = { sdkCalls: sendCode.total, calls: sendCode.calls };
const signUp = await counted(() =>
  call(handlers.signUp, 'POST', '/v1/accounts', {
    countryRegion: 'DE',
    email,
    password,
    verification: { challengeId: sendCode.value.challengeId, code: codeFor(email) },
  }),
);
operations.signUp = { sdkCalls: signUp.total, calls: signUp.calls };

const runs: number[] = [];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// Issue 10: the stack's own time for sendCode and signUp, over RUNS more sign-ups (the first one above warmed them).
for (let i = 0; i < RUNS; i += 1) {
  const other = `bench.${randomBytes(4).toString('hex')}@example.com`;
  const sent = await call(handlers.sendCode, 'POST', '/v1/verification-codes', { purpose: 'signup', channel: 'email', destination: other });
  overhead.sendCode!.push(lastOverheadMs);
  await call(handlers.signUp, 'POST', '/v1/accounts', {
    countryRegion: 'DE',
    email: other,
    password,
    verification: { challengeId: sent.challengeId, code: codeFor(other) },
  });
  overhead.signUp!.push(lastOverheadMs);
}
for (let i = 0; i < RUNS + 1; i += 1) {
  setClockOffset((i + 2) * 86_400_000); // a new day: the per-destination send quota never interferes
  const login = await counted(() => call(handlers.login, 'POST', '/v1/sessions', { identifier: email, password }));
  if (i > 0) overhead.loginPassword!.push(lastOverheadMs);
  const challengeId = login.value.challengeId as string;
  const code = await counted(() =>
    call(handlers.loginCode, 'POST', `/v1/sessions/challenges/${challengeId}/code`, { channel: 'email' }, { challengeId }),
  );
  if (i > 0) overhead.loginSendCode!.push(lastOverheadMs);
  const started = performance.now();
  const verify = await counted(() =>
    call(handlers.verify, 'POST', `/v1/sessions/challenges/${challengeId}/verify`, { code: codeFor(email) }, { challengeId }),
  );
  if (i > 0) runs.push(performance.now() - started); // the first run warms the path
  if (i > 0) overhead.loginVerify!.push(lastOverheadMs);
  if (i === 1) {
    operations.loginPassword = { sdkCalls: login.total, calls: login.calls };
    operations.loginSendCode = { sdkCalls: code.total, calls: code.calls };
    operations.loginVerify = { sdkCalls: verify.total, calls: verify.calls };
  }
}
runs.sort((a, b) => a - b);
const medianMs = Math.round(runs[Math.floor(runs.length / 2)]! * 10) / 10;
for (const [name, samples] of Object.entries(overhead)) {
  if (operations[name]) Object.assign(operations[name], { overheadMs: p50(samples), overheadRuns: samples.length });
}

// What the overhead is made of: the same route's middy stack around a use case that does nothing (middlewares,
// JSON body parsing, zod validation, the answer's JSON; SDK calls such as a session lookup excluded), and zod's
// safeParse of the same body alone. The rest of overheadMs is the use case's own code.
const { httpHandler } = await import('../lib/app/http.js');
const { sendVerificationCodeRoute } = await import('../lib/verification/routes.js');
const { signUpRoute } = await import('../lib/accounts/sign-up-route.js');
const { loginRoute, sendLoginCodeRoute, verifyLoginCodeRoute } = await import('../lib/sessions/routes.js');
const routeOf = {
  sendCode: sendVerificationCodeRoute,
  signUp: signUpRoute,
  loginPassword: loginRoute,
  loginSendCode: sendLoginCodeRoute,
  loginVerify: verifyLoginCodeRoute,
};
const handlerOf = {
  sendCode: handlers.sendCode,
  signUp: handlers.signUp,
  loginPassword: handlers.login,
  loginSendCode: handlers.loginCode,
  loginVerify: handlers.verify,
};
for (const [name, route] of Object.entries(routeOf) as Array<[keyof typeof routeOf, (typeof routeOf)[keyof typeof routeOf]]>) {
  const asked = lastRequest.get(handlerOf[name])!;
  const noop = httpHandler(route as any, () => ({ status: route.success.status, body: {} })) as unknown as Handler;
  const stack: number[] = [];
  const zod: number[] = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    await call(noop, asked.method, asked.path, asked.body, asked.pathParameters);
    const started = performance.now();
    (route.body as { safeParse: (v: unknown) => unknown } | undefined)?.safeParse(asked.body);
    const zodMs = performance.now() - started;
    if (i > 0) {
      stack.push(lastOverheadMs);
      zod.push(zodMs);
    }
  }
  Object.assign(operations[name]!, { stackMs: p50(stack), zodParseMs: p50(zod) });
}

// R-SEC-03 (issue 9 item 2): does an answer time apart for a real and an unknown account? Server-side
// medians over interleaved runs (real and unknown alternate which goes first); each run on a new day so
// no send limit interferes, and the real account's failure count is set back to 0 so every wrong password
// is a *first* one. Delivery is excluded (the in-memory notifier; one SNS publish in a deployed stage).
const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
const { db: table, TABLE: tableName } = await import('../lib/core/store/table.js');
const { keys: storeKeys } = await import('../lib/core/store/keys.js');
const realAccountId = signUp.value.accountId as string;
const ghost = `ghost.${randomBytes(4).toString('hex')}@example.com`;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
async function answer(handler: Handler, body: object, path: string): Promise<number> {
  const ip = `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  return timed(() => handler(apiEvent({ method: 'POST', path, body, sourceIp: ip }), lambdaContext()));
}
const enumeration = {
  resetCode: { real: [] as number[], unknown: [] as number[] },
  firstWrongPassword: { real: [] as number[], unknown: [] as number[] },
};
const ENUM_RUNS = Math.max(RUNS, 41);
for (let i = 0; i < ENUM_RUNS + 1; i += 1) {
  setClockOffset((RUNS + 4 + i) * 86_400_000);
  await table().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: storeKeys.account(realAccountId),
      UpdateExpression: 'SET failedAttempts = :z REMOVE lastFailedAt',
      ExpressionAttributeValues: { ':z': 0 },
    }),
  );
  const order = i % 2 ? (['real', 'unknown'] as const) : (['unknown', 'real'] as const);
  for (const who of order) {
    const identifier = who === 'real' ? email : ghost;
    const reset = await answer(
      handlers.sendCode,
      { purpose: 'password-reset', channel: 'email', destination: identifier },
      '/v1/verification-codes',
    );
    const wrong = await answer(handlers.login, { identifier, password: 'Wrong-password-9' }, '/v1/sessions');
    if (i > 0) {
      enumeration.resetCode[who].push(reset); // the first run warms both paths
      enumeration.firstWrongPassword[who].push(wrong);
    }
  }
}
const med = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
};
const enumerationTiming = Object.fromEntries(
  Object.entries(enumeration).map(([name, t]) => {
    const real = med(t.real);
    const unknown = med(t.unknown);
    return [name, { realMs: real, unknownMs: unknown, ratio: Math.round((unknown / real) * 100) / 100, runs: t.real.length }];
  }),
);

// Issue 11: one run of every partners operation (scripts/lib/bench-partners.ts), before the scheduler's timers below.
const { benchPartners } = await import('./lib/bench-partners.js');
// The partners handlers are typed by their own routes; `call` drives any of them alike.
Object.assign(operations, await benchPartners(call as import('./lib/bench-partners.js').Call, counted, codeFor));
// Issue 12: one run of every enterprise operation (scripts/lib/bench-enterprise.ts), also before the scheduler's timers.
const { benchEnterprise } = await import('./lib/bench-enterprise.js');
Object.assign(operations, await benchEnterprise(call as import('./lib/bench-partners.js').Call, counted, codeFor));
// Issue 13: one run of every real-name operation and the overdue marking (scripts/lib/bench-realname.ts).
const { benchRealName } = await import('./lib/bench-realname.js');
Object.assign(operations, await benchRealName(call as import('./lib/bench-partners.js').Call, counted, codeFor));

// Scheduler: 10 due timers among 1 000, then among 100 000 timers that are not due yet.
const { BatchWriteCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
const { db, TABLE } = await import('../lib/core/store/table.js');
const { dueAttributes, keys } = await import('../lib/core/store/keys.js');
const { runScheduler } = await import('../lib/app/scheduler.js');
const { now } = await import('../lib/core/clock.js');

async function writeNotDue(count: number, offset: number) {
  const later = now().getTime() + 30 * 86_400_000;
  const batches: Array<Record<string, unknown>[]> = [];
  for (let i = 0; i < count; i += 25) {
    batches.push(
      Array.from({ length: Math.min(25, count - i) }, (_, j) => {
        const accountId = `ac_bench_${offset + i + j}`;
        const key = keys.timer(accountId, 'closure-90d');
        const dueAt = new Date(later + (offset + i + j) * 1000).toISOString();
        return { ...key, ...dueAttributes(accountId, dueAt, key.sk), dueKind: 'closure-90d', accountId, closedAt: 'x' };
      }),
    );
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let pending = batch.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length) {
          const out = await db().send(new BatchWriteCommand({ RequestItems: { [TABLE()]: pending } }));
          pending = (out.UnprocessedItems?.[TABLE()] ?? []) as typeof pending;
        }
      }
    }),
  );
}

async function writeDue(round: string) {
  const closedAt = new Date(now().getTime() - 25 * 3600_000).toISOString();
  for (let i = 0; i < 10; i += 1) {
    const accountId = `ac_due_${round}_${i}`;
    await db().send(
      new PutCommand({
        TableName: TABLE(),
        Item: {
          ...keys.account(accountId),
          accountId,
          status: 'closed',
          version: 1,
          email: `${accountId}@example.com`,
          preferences: { messageLanguage: 'en', timeZone: 'UTC' },
          closure: { closedAt, autoDisableAt: new Date(now().getTime() + 89 * 86_400_000).toISOString() },
        },
      }),
    );
    const key = keys.timer(accountId, 'closure-24h');
    await db().send(
      new PutCommand({
        TableName: TABLE(),
        Item: {
          ...key,
          ...dueAttributes(accountId, new Date(now().getTime() - 1000).toISOString(), key.sk),
          dueKind: 'closure-24h',
          accountId,
          closedAt,
        },
      }),
    );
  }
}

async function schedulerRounds(label: string, rounds = 5) {
  const times: number[] = [];
  let itemsRead = 0;
  let queries = 0;
  let processed = 0;
  for (let r = 0; r < rounds; r += 1) {
    await writeDue(`${label}_${r}`);
    const started = performance.now();
    const result = await runScheduler();
    times.push(performance.now() - started);
    itemsRead = result.stats!.scannedCount;
    queries = result.stats!.queries;
    processed = result.processed;
  }
  times.sort((a, b) => a - b);
  return { dueTimers: 10, processed, itemsRead, queries, runtimeMs: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10 };
}

await writeNotDue(1000, 0);
const small = await schedulerRounds('1k');
await writeNotDue(99_000, 1000);
const large = await schedulerRounds('100k');
const scheduler = {
  among1000: small,
  among100000: large,
  runtimeRatio: Math.round((large.runtimeMs / small.runtimeMs) * 100) / 100,
  dueBuckets: small.queries,
};

await dynamo.stop();
await s3.stop();
rmSync(s3Dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ operations, loginSecondStep: { medianMs, runs: runs.length }, enumerationTiming, scheduler }));
