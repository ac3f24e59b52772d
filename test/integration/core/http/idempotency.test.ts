import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type middy from '@middy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../../lib/core/clock.js';
import { idempotency } from '../../../../lib/core/http/middlewares/idempotency.js';
import { requestContext } from '../../../../lib/core/http/middlewares/request-context.js';
import { handler as signUpHandler } from '../../../../functions/accounts/signUp.js';
import { accountIdByClaim } from '../../../../lib/accounts/store.js';
import { apiEvent, invoke, lambdaContext } from '../../../support/http.js';
import { PASSWORD, uniqueEmail, verificationFor } from '../../../support/identity.js';

async function signUpBody() {
  const email = uniqueEmail();
  return {
    countryRegion: 'DE',
    email,
    password: PASSWORD,
    verification: await verificationFor('signup', 'email', email, { destination: email }),
  };
}
const post = (body: object, key: string, headers: Record<string, string> = {}) =>
  invoke(signUpHandler, { method: 'POST', path: '/v1/accounts', body, headers: { 'idempotency-key': key, ...headers } });

/** What a first attempt that timed out leaves behind: the key taken, its handler never finished. */
async function abandonedFirstAttempt(
  body: object,
  key: string,
  remainingMs: number,
): Promise<middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>> {
  const request = {
    event: apiEvent({ method: 'POST', path: '/v1/accounts', body, headers: { 'idempotency-key': key } }),
    context: { ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs },
    internal: {},
    response: undefined,
    error: undefined,
  } as unknown as middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;
  await requestContext().before!(request as never);
  expect(await idempotency('signUp').before!(request)).toBeUndefined();
  return request;
}

afterEach(() => setClockOffset(0));

describe('Idempotency-Key', () => {
  it('R-SEC-04 a replay returns the first answer and changes nothing; another body with the key is 409', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-a`;
    const first = await post(body, key);
    expect(first.status).toBe(201);
    expect(first.headers['content-security-policy']).toBeTruthy();
    const replay = await post(body, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await accountIdByClaim('EMAIL', body.email)).toBe(first.body.accountId);
    const other = await post(await signUpBody(), key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('R-SEC-04 a failed first attempt keeps nothing, so the same key can be retried (issue 9: a replayed 401 must not pass)', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-b`;
    const failed = await post({ ...body, verification: { ...body.verification, challengeId: 'ch_wrong' } }, key);
    expect(failed.status).toBe(401);
    // Were the failure kept, the corrected body would be 409 IDEMPOTENCY_KEY_REUSED (or the 401 replayed).
    const retried = await post(body, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(await accountIdByClaim('EMAIL', body.email)).toBe(retried.body.accountId);
    const replay = await post(body, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(retried.body);
  });

  it('R-SEC-04 the kept answer (with its session token) is not stored in the clear', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-c`;
    const first = await post(body, key);
    const { db, TABLE } = await import('../../../../lib/core/store/table.js');
    const { keys } = await import('../../../../lib/core/store/keys.js');
    const { keyedHash } = await import('../../../../lib/core/crypto.js');
    const { Item } = await db().send(
      new GetCommand({ TableName: TABLE(), Key: keys.idempotency('signUp#anonymous', keyedHash('idempotency', key)) }),
    );
    expect(Item?.state).toBe('done');
    expect(JSON.stringify(Item)).not.toContain(first.body.session.token);
  });

  it('R-SEC-04 a replay keeps the edge headers: CORS, security headers, Cache-Control and its own X-Request-Id (issue 9 item 12a)', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-d`;
    const origin = { origin: 'http://localhost:3000' };
    const first = await post(body, key, origin);
    expect(first.status).toBe(201);
    const replay = await post(body, key, origin);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(replay.headers['strict-transport-security']).toBeTruthy();
    expect(replay.headers['x-content-type-options']).toBe('nosniff');
    expect(replay.headers['cache-control']).toBe('no-store');
    expect(replay.headers['x-request-id']).toBeTruthy();
    expect(replay.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('R-SEC-04 a first attempt that timed out holds the key only for its lease; a retry after it takes over (issue 9 item 12b)', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-e`;
    await abandonedFirstAttempt(body, key, 5_000);
    setClockOffset(4_000);
    const early = await post(body, key);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STATE_CONFLICT');
    setClockOffset(6_000);
    const retried = await post(body, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(await accountIdByClaim('EMAIL', body.email)).toBe(retried.body.accountId);
    // Another body never takes over a lease, even an ended one.
    const otherKey = `key-${Date.now()}-f`;
    await abandonedFirstAttempt(body, otherKey, 1_000);
    setClockOffset(10_000);
    expect((await post(await signUpBody(), otherKey)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('R-SEC-04 a replay 24 h + 1 min later is a fresh execution, not the kept answer (issue 9 item 12c)', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-g`;
    const first = await post(body, key);
    expect(first.status).toBe(201);
    setClockOffset((24 * 3600 + 60) * 1000);
    const late = await post(body, key);
    // Run afresh, the sign-up finds its code used and expired: no account, no session handed out again.
    expect(late.status).toBe(401);
    expect(late.body.session).toBeUndefined();
    expect(late.body.code).toBe('INVALID_CODE');
  });

  describe('an attempt that outlived its lease touches only its own record (issue 9 item 12)', () => {
    const stored = async (key: string) => {
      const { db, TABLE } = await import('../../../../lib/core/store/table.js');
      const { keys } = await import('../../../../lib/core/store/keys.js');
      const { keyedHash } = await import('../../../../lib/core/crypto.js');
      const Key = keys.idempotency('signUp#anonymous', keyedHash('idempotency', key));
      return {
        db,
        TABLE,
        Key,
        item: async () => (await db().send(new GetCommand({ TableName: TABLE(), Key, ConsistentRead: true }))).Item,
      };
    };

    it.each([
      ['its late answer does not overwrite the answer of the attempt that took over', 'after'],
      ['its late failure does not delete the record of the attempt that took over', 'onError'],
    ] as const)('R-SEC-04 %s', async (_name, hook) => {
      const body = await signUpBody();
      const key = `key-${Date.now()}-${hook}`;
      const late = await abandonedFirstAttempt(body, key, 1_000);
      setClockOffset(2_000);
      const takeover = await post(body, key);
      expect(takeover.status, JSON.stringify(takeover.body)).toBe(201);
      // The first attempt wakes up and finishes after all.
      late.response = { statusCode: 201, headers: {}, body: JSON.stringify({ late: true }) };
      late.error = hook === 'onError' ? new Error('late failure') : undefined;
      await idempotency('signUp')[hook]!(late);
      const replay = await post(body, key);
      expect(replay.status, JSON.stringify(replay.body)).toBe(201);
      expect(replay.body).toEqual(takeover.body);
    });

    it('R-SEC-04 a late answer never recreates a record that is gone (it would lack bodyHash and ttl)', async () => {
      const body = await signUpBody();
      const key = `key-${Date.now()}-gone`;
      const late = await abandonedFirstAttempt(body, key, 1_000);
      const { db, TABLE, Key, item } = await stored(key);
      const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
      await db().send(new DeleteCommand({ TableName: TABLE(), Key }));
      late.response = { statusCode: 201, headers: {}, body: JSON.stringify({ late: true }) };
      await idempotency('signUp').after!(late);
      expect(await item()).toBeUndefined();
    });
  });
});
