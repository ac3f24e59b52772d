import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as signUpHandler } from '../../../functions/accounts/sign-up.js';
import { accountIdByClaim } from '../../../lib/accounts/account.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, uniqueEmail, verificationFor } from '../../support/identity.js';

async function signUpBody() {
  const email = uniqueEmail();
  return { countryRegion: 'DE', email, password: PASSWORD, verification: await verificationFor('signup', 'email', email, { destination: email }) };
}
const post = (body: object, key: string) =>
  invoke(signUpHandler, { method: 'POST', path: '/v1/accounts', body, headers: { 'idempotency-key': key } });

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

  it('R-SEC-04 a failed first attempt keeps nothing, so the same key can be retried', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-b`;
    const failed = await post({ ...body, verification: { ...body.verification, challengeId: 'ch_wrong' } }, key);
    expect(failed.status).toBe(401);
    const retried = await post({ ...body, verification: { ...body.verification, challengeId: 'ch_wrong' } }, key);
    expect(retried.status).toBe(401);
  });

  it('R-SEC-04 the kept answer (with its session token) is not stored in the clear', async () => {
    const body = await signUpBody();
    const key = `key-${Date.now()}-c`;
    const first = await post(body, key);
    const { db, TABLE } = await import('../../../lib/store/table.js');
    const { keys } = await import('../../../lib/store/keys.js');
    const { keyedHash } = await import('../../../lib/crypto.js');
    const { Item } = await db().send(
      new GetCommand({ TableName: TABLE(), Key: keys.idempotency('signUp#anonymous', keyedHash('idempotency', key)) }),
    );
    expect(Item?.state).toBe('done');
    expect(JSON.stringify(Item)).not.toContain(first.body.session.token);
  });
});
