/**
 * Issue 11: association by invitation — log-in-and-associate (`POST /v1/partner/association`) and
 * register-and-associate (`POST /v1/accounts` with `invitationToken`) — R-PA-01..05, R-PA-06 at association.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as signUpHandler } from '../../../functions/accounts/signUp.js';
import { handler as createInvitation } from '../../../functions/partners/createPartnerInvitation.js';
import { handler as revokeInvitation } from '../../../functions/partners/revokePartnerInvitation.js';
import { handler as associate } from '../../../functions/partners/associatePartner.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { nowIso, setClockOffset } from '../../../lib/core/clock.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { loadCustomerPartner } from '../../../lib/partners/store.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, uniqueEmail, verificationFor } from '../../support/identity.js';
import { type TestPartner, associatedCustomer, enrolledPartner, tracesOf } from '../../support/partners.js';

const DAY = 86_400_000;

async function invitation(partner: TestPartner, model: 'reseller' | 'referral' = 'reseller') {
  const res = await invoke(createInvitation, {
    method: 'POST',
    path: '/v1/partner-center/invitations',
    headers: bearer(partner.admin.token),
    body: { model },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { invitationId: string; token: string };
}

const associateWith = (token: string, invitationToken: string, extra: Record<string, unknown> = {}) =>
  invoke(associate, {
    method: 'POST',
    path: '/v1/partner/association',
    headers: bearer(token),
    body: { invitationToken, acceptInstructions: true, ...extra },
  });

async function signUpWith(
  invitationToken: string | undefined,
  email = uniqueEmail(),
  verification?: { challengeId: string; code: string },
  accept: Record<string, unknown> = { acceptInstructions: true },
) {
  const proof = verification ?? (await verificationFor('signup', 'email', email, { destination: email }));
  return invoke(signUpHandler, {
    method: 'POST',
    path: '/v1/accounts',
    body: {
      countryRegion: 'DE',
      email,
      password: PASSWORD,
      verification: proof,
      ...(invitationToken ? { invitationToken, ...accept } : {}),
    },
  });
}

const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

describe('association by invitation (issue 11)', () => {
  afterEach(() => setClockOffset(0));

  it('R-PA-01, R-PA-04, R-PA-05: log-in-and-associate (reseller): frozen, association time recorded, logged and audited', async () => {
    const partner = await enrolledPartner();
    const { token, invitationId } = await invitation(partner);
    const customer = await activeAccount();
    const before = nowIso();
    const res = await associateWith(customer.token, token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ partnerId: partner.partnerId, model: 'reseller', frozen: true });
    const association = (await loadCustomerPartner(customer.accountId))!;
    expect(association).toMatchObject({ partnerId: partner.partnerId, invitationId, frozen: true, authorized: false, version: 1 });
    expect(association.associatedAt >= before).toBe(true); // R-PA-05: coupons only pay orders created before this
    expect((await loadFacts(customer.accountId)).associations).toMatchObject({ partnerAssociated: true, partnerFrozen: true });
    // R-PD-07: the customer's, the partner's and the pair's views.
    for (const view of [customer.accountId, partner.partnerId, `${partner.partnerId}#${customer.accountId}`]) {
      const events = (await listLog(view)).items.map((e) => e.event);
      expect(events).toEqual(expect.arrayContaining(['associated', 'frozen']));
      expect(events).not.toContain('authorization-granted');
    }
    expect((await tracesOf(customer.accountId)).find((t) => t.traceName === 'associatePartner')).toMatchObject({
      actor: customer.accountId,
      result: 'success',
    });
  });

  it('R-PA-06: referral with authorization at association: not frozen, authorized, logged authorization-granted', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner, 'referral');
    const customer = await activeAccount();
    const res = await associateWith(customer.token, token, { authorizeOperations: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ partnerId: partner.partnerId, model: 'referral', frozen: false });
    expect(await loadCustomerPartner(customer.accountId)).toMatchObject({ authorized: true, authorizedAt: expect.any(String) });
    expect((await loadFacts(customer.accountId)).associations).toMatchObject({ partnerAssociated: true, partnerFrozen: false });
    const events = (await listLog(customer.accountId)).items.map((e) => e.event);
    expect(events).toEqual(['associated', 'authorization-granted']);
  });

  it('R-PA-01: the instructions must be accepted (400 naming acceptInstructions)', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner);
    const customer = await activeAccount();
    const res = await associateWith(customer.token, token, { acceptInstructions: false });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.acceptInstructions']);
  });

  it('R-PA-01: an unknown, malformed or wrong-secret token is refused as invitation-invalid, revealing nothing more', async () => {
    const partner = await enrolledPartner();
    const { token, invitationId } = await invitation(partner);
    const customer = await activeAccount();
    const wrongSecret = `${invitationId}.${'A'.repeat(43)}`;
    const unknown = `pi_unknown.${token.split('.')[1]}`;
    for (const bad of ['garbage', wrongSecret, unknown, `${token}x`]) {
      const res = await associateWith(customer.token, bad);
      expect(res.status, bad).toBe(422);
      expect(res.body.code).toBe('NOT_ALLOWED');
      expect(res.body.failures).toEqual([{ condition: 'invitation-invalid', message: expect.any(String) }]);
    }
    expect(await loadCustomerPartner(customer.accountId)).toBeUndefined();
  });

  it('R-PA-01: a revoked invitation is refused (invitation-revoked)', async () => {
    const partner = await enrolledPartner();
    const { token, invitationId } = await invitation(partner);
    const revoked = await invoke(revokeInvitation, {
      method: 'DELETE',
      path: `/v1/partner-center/invitations/${invitationId}`,
      pathParameters: { invitationId },
      headers: bearer(partner.admin.token),
    });
    expect(revoked.status).toBe(200);
    const customer = await activeAccount();
    const res = await associateWith(customer.token, token);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual(['invitation-revoked']);
  });

  it('R-PA-01: an invitation expires after 30 days (test clock): invitation-expired', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner);
    setClockOffset(30 * DAY + 1000);
    const customer = await activeAccount();
    const res = await associateWith(customer.token, token);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual(['invitation-expired']);
  });

  it('R-PA-02, R-PA-03: preconditions read through the facts loader, every failure at once; reseller-only ones pass referral', async () => {
    const partner = await enrolledPartner();
    const customer = await activeAccount();
    await putStanding(customer.accountId, { specialContract: true, pendingPayments: true, reservedInstances: true });
    const reseller = await associateWith(customer.token, (await invitation(partner)).token);
    expect(reseller.status).toBe(422);
    expect(conditions(reseller.body)).toEqual(['special-contract', 'unpaid-bills', 'reserved-instances']);
    await putStanding(customer.accountId, { reservedInstances: true });
    const referral = await associateWith(customer.token, (await invitation(partner, 'referral')).token);
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
  });

  it("R-PA-02: an account registered more than 7 days ago is refused (the account item's createdAt)", async () => {
    const partner = await enrolledPartner();
    const customer = await activeAccount();
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.account(customer.accountId),
        UpdateExpression: 'SET createdAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.parse(nowIso()) - 8 * DAY).toISOString() },
      }),
    );
    const res = await associateWith(customer.token, (await invitation(partner)).token);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual(['registered-over-7-days']);
  });

  it("R-PA-02: a customer of another partner is refused (another-partner); a partner's own staff cannot be its customer", async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const { customer } = await associatedCustomer(p1);
    const res = await associateWith(customer.token, (await invitation(p2)).token);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual(['another-partner']);
    const own = await associateWith(p1.admin.token, (await invitation(p1)).token);
    expect(own.status).toBe(422);
    expect(conditions(own.body)).toEqual(['partner-staff']);
  });

  it('R-PA-02: two parallel associations of one customer with two partners: exactly one succeeds (the pointer)', async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const [i1, i2] = [await invitation(p1), await invitation(p2)];
    const customer = await activeAccount();
    const results = await Promise.all([associateWith(customer.token, i1.token), associateWith(customer.token, i2.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(conditions(results.find((r) => r.status === 422)!.body)).toEqual(['another-partner']);
    const winner = results.find((r) => r.status === 201)!.body.partnerId;
    expect((await loadCustomerPartner(customer.accountId))?.partnerId).toBe(winner);
  });

  it('R-PA-01: register-and-associate: the sign-up answers the association; the new account is frozen (reseller)', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner);
    const res = await signUpWith(token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.partner).toEqual({ partnerId: partner.partnerId, model: 'reseller', frozen: true });
    const accountId = res.body.accountId as string;
    expect((await loadCustomerPartner(accountId))?.partnerId).toBe(partner.partnerId);
    expect((await loadFacts(accountId)).associations).toMatchObject({ partnerAssociated: true, partnerFrozen: true });
    expect((await tracesOf(accountId)).map((t) => t.traceName).sort()).toEqual(['associatePartner', 'signUp']);
  });

  it.each([
    ['invalid', async () => 'pi_nothing.AAAA', 'invitation-invalid'],
    [
      'revoked',
      async () => {
        const partner = await enrolledPartner();
        const { token, invitationId } = await invitation(partner);
        await invoke(revokeInvitation, {
          method: 'DELETE',
          path: `/v1/partner-center/invitations/${invitationId}`,
          pathParameters: { invitationId },
          headers: bearer(partner.admin.token),
        });
        return token;
      },
      'invitation-revoked',
    ],
  ])('R-PA-01: a sign-up with an %s token is refused (422) before the account is created', async (_name, tokenOf, condition) => {
    const token = await tokenOf();
    const email = uniqueEmail();
    const verification = await verificationFor('signup', 'email', email, { destination: email });
    const res = await signUpWith(token, email, verification);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual([condition]);
    // Nothing was written (not even the code used): the same email and code sign up afterwards, without a partner.
    const plain = await signUpWith(undefined, email, verification);
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);
    expect(plain.body.partner).toBeUndefined();
  });

  it('R-PA-01: register-and-associate takes the acceptance under the names of log-in-and-associate — `acceptInstructions` required (400 naming it; nothing created), `authorizeOperations` optional (issue 11 review 2 item 7)', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner);
    const email = uniqueEmail();
    const verification = await verificationFor('signup', 'email', email, { destination: email });
    const refused = await signUpWith(token, email, verification, {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['acceptInstructions']);
    const res = await signUpWith(token, email, verification, { acceptInstructions: true, authorizeOperations: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await loadCustomerPartner(res.body.accountId))?.authorized).toBe(true);
  });

  it('API.md conventions (Idempotency-Key, issue 11 review 2 item 4): a retried log-in-and-associate answers the first 201, not 422 another-partner', async () => {
    const partner = await enrolledPartner();
    const { token } = await invitation(partner);
    const customer = await activeAccount();
    const send = () =>
      invoke(associate, {
        method: 'POST',
        path: '/v1/partner/association',
        headers: { ...bearer(customer.token), 'idempotency-key': `assoc-${customer.accountId}` },
        body: { invitationToken: token, acceptInstructions: true },
      });
    const first = await send();
    const again = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toEqual(first.body);
    const associated = (await listLog(customer.accountId)).items.filter((e) => e.event === 'associated');
    expect(associated).toHaveLength(1);
  });
});
