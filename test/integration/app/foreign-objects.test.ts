/**
 * R-SEC-05 (issue 9 item 8): an object of another account answers 404, exactly like one that does not
 * exist, wherever it is referred to: a closure check, a verification challenge, a material used as proof.
 * Using it must not change it either (no attempt spent on another account's code).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as taxHandler } from '../../../functions/accounts/changeTaxInfo.js';
import { handler as checkHandler } from '../../../functions/closure/runClosureCheck.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount, close, runCheck } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer, verificationFor } from '../../support/identity.js';
import { verifiedMaterial } from '../../support/materials.js';

const challengeAttempts = async (challengeId: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.challenge(challengeId), ConsistentRead: true }))).Item?.attempts;

describe("another account's objects answer 404 (R-SEC-05, issue 9 item 8)", () => {
  it("R-SEC-05 closing with another account's passed checkId answers 404 and leaves that check unused", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const check = await runCheck(owner);
    expect(check.body.passed).toBe(true);
    const res = await close(other.token, check.body.checkId);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain(check.body.checkId);
    expect((await close(owner.token, check.body.checkId)).status).toBe(200);
  });

  it('R-SEC-05 a checkId that never existed answers the same 404', async () => {
    const account = await activeAccount();
    const res = await close(account.token, 'ck_does_not_exist');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it("R-SEC-05 another account's verification challenge answers 404, even with its right code, and spends none of its attempts", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const verification = await verificationFor('close-services', 'email', owner.email, { token: owner.token });
    const runCheckAs = (token: string) =>
      invoke(checkHandler, {
        method: 'POST',
        path: '/v1/closure/checks',
        headers: bearer(token),
        body: { acceptTerms: true, reason: 'no-longer-needed', verification },
      });
    const res = await runCheckAs(other.token);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(await challengeAttempts(verification.challengeId)).toBe(0);
    // The owner's code still works: nothing of it was spent.
    const own = await runCheckAs(owner.token);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });

  it('R-SEC-05 an own challenge with a wrong code still answers 401 INVALID_CODE (only foreign or unknown is 404)', async () => {
    const owner = await activeAccount();
    const verification = await verificationFor('close-services', 'email', owner.email, { token: owner.token });
    const wrong = verification.code === '000000' ? '111111' : '000000';
    const res = await invoke(checkHandler, {
      method: 'POST',
      path: '/v1/closure/checks',
      headers: bearer(owner.token),
      body: { acceptTerms: true, reason: 'no-longer-needed', verification: { ...verification, code: wrong } },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CODE');
  });

  it("R-SEC-05 another account's verified material used as the tax-info proof answers 404", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const materialId = await verifiedMaterial(owner.token);
    const body = { qualificationName: 'vat-registered', taxId: 'DE123456789', qualificationProof: materialId };
    const foreign = await invoke(taxHandler, { method: 'PUT', path: '/v1/account/tax-info', headers: bearer(other.token), body });
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const own = await invoke(taxHandler, { method: 'PUT', path: '/v1/account/tax-info', headers: bearer(owner.token), body });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });
});
