import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as contactHandler } from '../../../functions/accounts/changeContact.js';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as industryHandler } from '../../../functions/accounts/changeIndustry.js';
import { handler as loginIdHandler } from '../../../functions/accounts/changeLoginId.js';
import { handler as namesHandler } from '../../../functions/accounts/changeNames.js';
import { handler as taxHandler } from '../../../functions/accounts/changeTaxInfo.js';
import { handler as tenantHandler } from '../../../functions/accounts/changeTenantName.js';
import { handler as typeHandler } from '../../../functions/accounts/changeAccountType.js';
import { handler as declareHandler } from '../../../functions/materials/declareMaterial.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { tenantNameConfig } from '../../../lib/core/config.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { type Handler, invoke } from '../../support/http.js';
import { PASSWORD, bearer, login, signUp, startLogin } from '../../support/identity.js';

afterEach(() => setClockOffset(0));

const put = (handler: Handler, path: string, token: string, body: object) =>
  invoke(handler, { method: 'PUT', path, headers: bearer(token), body });
const rename = (token: string, tenantName: string) => put(tenantHandler, '/v1/account/tenant-name', token, { tenantName });
const uniqueName = (tag = 'tn') => `${tag}${Math.random().toString(36).slice(2, 10)}`;

async function setAuthStatus(accountId: string, authStatus: string) {
  await db().send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: keys.account(accountId),
      UpdateExpression: 'SET authStatus = :a',
      ExpressionAttributeValues: { ':a': authStatus },
    }),
  );
}

describe('tenant name', () => {
  it('R-AI-02 format: starts with a letter, 6–32 of letters, digits, - and _', async () => {
    const { token } = await signUp();
    for (const bad of ['1abcdef', 'abc', 'has space', `a${'b'.repeat(32)}`, 'dot.name'])
      expect((await rename(token, bad)).status, bad).toBe(400);
  });

  it('R-AI-02 R-AI-03 R-LI-07 a rename releases the old name: IAM-style login by it stops, the new one works, others may take the old one', async () => {
    const { token, email } = await signUp();
    const oldName = (await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) })).body.tenantName;
    expect((await startLogin(oldName, PASSWORD)).status).toBe(200);
    const newName = uniqueName();
    const res = await rename(token, newName);
    expect(res.body).toEqual({ tenantName: newName, changesLeftThisYear: 2 });
    expect((await startLogin(oldName, PASSWORD)).status).toBe(401);
    expect((await startLogin(newName, PASSWORD)).status).toBe(200);
    // Issue 9: read the stored account back instead of asserting what the helper produced; the rename
    // touched the tenant name only, so the email still names the account.
    expect((await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) })).body.tenantName).toBe(newName);
    expect((await startLogin(email, PASSWORD)).status).toBe(200);
    const other = await signUp();
    expect((await rename(other.token, oldName)).status).toBe(200);
  });

  it('R-AI-02 a name held by another account answers 409 TENANT_NAME_TAKEN', async () => {
    const a = await signUp();
    const b = await signUp();
    const name = uniqueName();
    expect((await rename(a.token, name)).status).toBe(200);
    const res = await rename(b.token, name.toUpperCase());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('TENANT_NAME_TAKEN');
  });

  it('R-AI-02 4 parallel renames with 1 change left: exactly 1 succeeds, the others 422 QUOTA_EXCEEDED', async () => {
    const { token } = await signUp();
    for (let i = 0; i < tenantNameConfig.maxChanges - 1; i += 1) expect((await rename(token, uniqueName())).status).toBe(200);
    const results = await Promise.all(Array.from({ length: 4 }, () => rename(token, uniqueName())));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.body.code)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(refused[0]!.body.failures[0].message).toMatch(/next is possible from/);
  });

  it('R-AI-02 the quota is a rolling year: a year after the first change, one is possible again', async () => {
    const { token, email } = await signUp();
    for (let i = 0; i < 3; i += 1) expect((await rename(token, uniqueName())).status).toBe(200);
    expect((await rename(token, uniqueName())).status).toBe(422);
    setClockOffset((tenantNameConfig.windowSeconds - 3600) * 1000);
    const almost = (await login(email, PASSWORD, 'email', email)).body.token;
    expect((await rename(almost, uniqueName())).status).toBe(422);
    setClockOffset((tenantNameConfig.windowSeconds + 60) * 1000);
    const later = (await login(email, PASSWORD, 'email', email)).body.token;
    const res = await rename(later, uniqueName());
    expect(res.status).toBe(200);
    expect(res.body.changesLeftThisYear).toBe(2); // all three earlier changes left the window together
  });
});

describe('login ID, type and names', () => {
  it('R-AI-04 R-AI-13 the login ID can be changed exactly once, and the owner is told', async () => {
    const { token } = await signUp();
    expect((await put(loginIdHandler, '/v1/account/login-id', token, { loginId: uniqueName('lid') })).status).toBe(200);
    const { listRecordedMessages } = await import('../../../lib/local/recording-notifier.js');
    const email = (
      await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token), query: { reveal: 'email' } })
    ).body.email;
    expect((await listRecordedMessages(email, 1))[0]).toMatchObject({ kind: 'contact-changed' }); // R-AI-13
    const again = await put(loginIdHandler, '/v1/account/login-id', token, { loginId: uniqueName('lid') });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('NOT_ALLOWED');
  });

  it.each([
    ['unset', 'unauthenticated', 'individual', 200],
    ['unset', 'unauthenticated', 'enterprise', 200],
    ['individual', 'unauthenticated', 'enterprise', 200],
    ['individual', 'authenticated', 'enterprise', 422],
    ['enterprise', 'unauthenticated', 'individual', 422],
  ])('R-AI-05 %s (%s) → %s answers %i', async (from, auth, to, status) => {
    const { token, accountId } = await signUp();
    if (from !== 'unset')
      expect((await put(typeHandler, '/v1/account/type', token, { accountType: from, name: 'First Name' })).status).toBe(200);
    await setAuthStatus(accountId, auth);
    const res = await put(typeHandler, '/v1/account/type', token, { accountType: to, name: 'Second Name' });
    expect(res.status).toBe(status);
  });

  it('R-AI-06 names are editable only while not authenticated', async () => {
    const { token, accountId } = await signUp();
    await put(typeHandler, '/v1/account/type', token, { accountType: 'individual', name: 'Zhu Xiaoming' });
    expect((await put(namesHandler, '/v1/account/names', token, { fullName: 'Zhu Xiao Ming' })).status).toBe(200);
    expect((await put(namesHandler, '/v1/account/names', token, { enterpriseName: 'ACME' })).status).toBe(422);
    await setAuthStatus(accountId, 'authenticated');
    const res = await put(namesHandler, '/v1/account/names', token, { fullName: 'Someone Else' });
    expect(res.status).toBe(422);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toContain('authenticated');
    // ...and not through the type route with the same type either.
    expect((await put(typeHandler, '/v1/account/type', token, { accountType: 'individual', name: 'Someone Else' })).status).toBe(422);
  });
});

describe('tax, contact and industry', () => {
  it('R-AI-07 the qualification name comes from the catalogue; a proof must be a verified material of the account', async () => {
    const { token } = await signUp();
    expect((await put(taxHandler, '/v1/account/tax-info', token, { qualificationName: 'astrologer', taxId: 'DE123456789' })).status).toBe(
      400,
    );
    // An unknown material is not found (R-SEC-05: like another account's); one not yet checked is refused.
    const unknown = await put(taxHandler, '/v1/account/tax-info', token, {
      qualificationName: 'vat-registered',
      taxId: 'DE123456789',
      qualificationProof: 'mt_unknown',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const declared = await invoke(declareHandler, {
      method: 'POST',
      path: '/v1/materials',
      headers: bearer(token),
      body: { purpose: 'qualification-proof', fileName: 'scan.png', contentType: 'image/png', sizeBytes: 128 },
    });
    expect(declared.status).toBe(201);
    const proof = await put(taxHandler, '/v1/account/tax-info', token, {
      qualificationName: 'vat-registered',
      taxId: 'DE123456789',
      qualificationProof: declared.body.materialId,
    });
    expect(proof.status).toBe(422);
    expect(proof.body.code).toBe('MATERIAL_INVALID');
    const ok = await put(taxHandler, '/v1/account/tax-info', token, { qualificationName: 'vat-registered', taxId: 'DE123456789' });
    expect(ok.status).toBe(200);
  });

  it('R-AI-10 every missing required contact field is listed in one 400', async () => {
    const { token } = await signUp();
    const res = await put(contactHandler, '/v1/account/contact', token, { addressLine2: 'Hinterhaus' });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([
      'body.addressLine1',
      'body.city',
      'body.industry',
      'body.paymentCurrency',
      'body.postalCode',
      'body.stateProvince',
    ]);
  });

  it('R-AI-10 a complete contact, with the optional line 2 and commune, is stored and shown', async () => {
    const { token } = await signUp();
    const contact = {
      addressLine1: 'Main St 1',
      addressLine2: 'Hinterhaus',
      commune: 'Mitte',
      city: 'Berlin',
      stateProvince: 'Berlin',
      postalCode: '10115',
      paymentCurrency: 'EUR',
      industry: 'finance',
    };
    expect((await put(contactHandler, '/v1/account/contact', token, contact)).status).toBe(200);
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });
    expect(me.body.contact).toEqual(contact);
  });

  it.each([
    [{ industry: 'finance', secondaryIndustry: 'banking' }, 200],
    [{ industry: 'finance' }, 400],
    [{ industry: 'government' }, 200],
    [{ industry: 'government', secondaryIndustry: 'banking' }, 400],
    [{ industry: 'finance', secondaryIndustry: 'games' }, 400],
    [{ industry: 'alchemy' }, 400],
  ])('R-AI-11 industry %j answers %i', async (body, status) => {
    const { token } = await signUp();
    expect((await put(industryHandler, '/v1/account/industry', token, body)).status).toBe(status);
  });
});
