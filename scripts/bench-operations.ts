/**
 * Operation benchmarks for `npm run bench`, run in a child process (the product's config reads its
 * environment at import). Starts its own in-memory DynamoDB Local, drives the handlers in-process and
 * prints one JSON object: SDK calls per operation and the server-side time of the login second step.
 * Messages go to an in-memory notifier so they can be read back; each send is one SNS.Publish in a
 * deployed stage and is counted as such.
 */
import { randomBytes } from 'node:crypto';
import { freePort, startDynamoDbLocal, ensureTable } from './lib/dynamodb-local.js';

const dynamo = await startDynamoDbLocal({ port: await freePort() });
Object.assign(process.env, {
  STAGE: 'bench',
  TABLE_NAME: 'bench-operations',
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  HMAC_SECRET: 'bench-secret',
  LOG_LEVEL: 'SILENT',
});
await ensureTable(dynamo.endpoint, 'bench-operations');

const { setClockOffset } = await import('../lib/clock.js');
const { useNotifier } = await import('../lib/notify/notifier.js');
const { resetSdkCalls, sdkCallCounts } = await import('../lib/sdk-calls.js');
const { apiEvent, lambdaContext } = await import('../test/support/http.js');
const handlers = {
  sendCode: (await import('../functions/verification/send-code.js')).handler,
  signUp: (await import('../functions/accounts/sign-up.js')).handler,
  login: (await import('../functions/sessions/login.js')).handler,
  loginCode: (await import('../functions/sessions/send-code.js')).handler,
  verify: (await import('../functions/sessions/verify.js')).handler,
};

const sent: Array<{ to: string; body: string }> = [];
useNotifier({
  send: async (m) => {
    sent.push({ to: m.to, body: m.body });
  },
});
const codeFor = (to: string) => [...sent].reverse().find((m) => m.to === to)!.body.match(/\b(\d{6})\b/)![1]!;

type Handler = (typeof handlers)[keyof typeof handlers];
async function call(handler: Handler, method: string, path: string, body: object, pathParameters?: Record<string, string>) {
  const ip = `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const res = await handler(apiEvent({ method, path, body, pathParameters, sourceIp: ip }), lambdaContext());
  if ((res.statusCode ?? 500) >= 300) throw new Error(`${method} ${path} → ${res.statusCode} ${res.body}`);
  return JSON.parse(String(res.body));
}

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

const operations: Record<string, { sdkCalls: number; calls: Record<string, number> }> = {};
const sendCode = await counted(() => call(handlers.sendCode, 'POST', '/v1/verification-codes', { purpose: 'signup', channel: 'email', destination: email }));
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
for (let i = 0; i < RUNS + 1; i += 1) {
  setClockOffset((i + 2) * 86_400_000); // a new day: the per-destination send quota never interferes
  const login = await counted(() => call(handlers.login, 'POST', '/v1/sessions', { identifier: email, password }));
  const challengeId = login.value.challengeId as string;
  const code = await counted(() =>
    call(handlers.loginCode, 'POST', `/v1/sessions/challenges/${challengeId}/code`, { channel: 'email' }, { challengeId }),
  );
  const started = performance.now();
  const verify = await counted(() =>
    call(handlers.verify, 'POST', `/v1/sessions/challenges/${challengeId}/verify`, { code: codeFor(email) }, { challengeId }),
  );
  if (i > 0) runs.push(performance.now() - started); // the first run warms the path
  if (i === 1) {
    operations.loginPassword = { sdkCalls: login.total, calls: login.calls };
    operations.loginSendCode = { sdkCalls: code.total, calls: code.calls };
    operations.loginVerify = { sdkCalls: verify.total, calls: verify.calls };
  }
}
runs.sort((a, b) => a - b);
const medianMs = Math.round(runs[Math.floor(runs.length / 2)]! * 10) / 10;

await dynamo.stop();
process.stdout.write(JSON.stringify({ operations, loginSecondStep: { medianMs, runs: runs.length } }));
