import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as signUpHandler } from '../../../functions/accounts/signUp.js';
import { handler as loginHandler } from '../../../functions/sessions/login.js';
import { handler as loginCodeHandler } from '../../../functions/sessions/sendLoginCode.js';
import { handler as verifyHandler } from '../../../functions/sessions/verifyLoginCode.js';
import { type Message, useNotifier } from '../../../lib/core/notify/notifier.js';
import { resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, freshIp, requestCode, uniqueEmail } from '../../support/identity.js';

/**
 * The documented SDK calls per operation (docs/DESIGN.md "Measured"): a change that adds a round trip
 * to a hot path fails here first. SNS publishes are counted by the notifier stub.
 */
const sent: Message[] = [];
beforeAll(() => useNotifier({ send: async (m) => void sent.push(m) }));
afterAll(() => useNotifier(undefined));

async function counted(fn: () => Promise<{ status: number; body: any }>) {
  const before = sent.length;
  resetSdkCalls();
  const res = await fn();
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return { res, calls: { ...sdkCallCounts(), ...(sent.length > before ? { 'SNS.Publish': sent.length - before } : {}) } };
}
const code = () => sent.at(-1)!.body.match(/\b(\d{6})\b/)![1]!;

describe('SDK calls per identity operation', () => {
  it('R-VC-01 R-SU-01 R-LI-02 send-code 3, sign-up 2, login 4, login code 5, second step 3', async () => {
    const email = uniqueEmail();
    const send = await counted(() => requestCode({ purpose: 'signup', channel: 'email', destination: email }));
    expect(send.calls).toEqual({ 'DynamoDB.BatchGetItem': 1, 'DynamoDB.TransactWriteItems': 1, 'SNS.Publish': 1 });
    const verification = { challengeId: send.res.body.challengeId, code: code() };
    const signUp = await counted(() =>
      invoke(signUpHandler, {
        method: 'POST',
        path: '/v1/accounts',
        body: { countryRegion: 'DE', email, password: PASSWORD, verification },
      }),
    );
    expect(signUp.calls).toEqual({ 'DynamoDB.UpdateItem': 1, 'DynamoDB.TransactWriteItems': 1 });
    const login = await counted(() =>
      invoke(loginHandler, { method: 'POST', path: '/v1/sessions', body: { identifier: email, password: PASSWORD }, sourceIp: freshIp() }),
    );
    expect(login.calls).toEqual({ 'DynamoDB.GetItem': 3, 'DynamoDB.PutItem': 1 });
    const challengeId = login.res.body.challengeId;
    const path = `/v1/sessions/challenges/${challengeId}`;
    const loginCode = await counted(() =>
      invoke(loginCodeHandler, {
        method: 'POST',
        path: `${path}/code`,
        pathParameters: { challengeId },
        body: { channel: 'email' },
        sourceIp: freshIp(),
      }),
    );
    expect(loginCode.calls).toEqual({
      'DynamoDB.GetItem': 2,
      'DynamoDB.BatchGetItem': 1,
      'DynamoDB.TransactWriteItems': 1,
      'SNS.Publish': 1,
    });
    const verify = await counted(() =>
      invoke(verifyHandler, { method: 'POST', path: `${path}/verify`, pathParameters: { challengeId }, body: { code: code() } }),
    );
    expect(verify.calls).toEqual({ 'DynamoDB.UpdateItem': 1, 'DynamoDB.GetItem': 1, 'DynamoDB.TransactWriteItems': 1 });
  });
});
