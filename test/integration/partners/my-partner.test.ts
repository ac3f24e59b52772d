/**
 * Issue 11: the customer's partner view (GET /v1/partner) and the authorization to act on its behalf
 * (PUT /v1/partner/authorization): association time and the coupon bound (R-PA-05), the freeze (R-PA-04), the
 * authorization granted or revoked by the customer, logged, audited and visible to both sides (R-PA-06), and a
 * pending disassociation request of either side (R-PD-01, R-PD-04).
 */
import { describe, expect, it } from 'vitest';
import { handler as partnerHandler } from '../../../functions/partners/getPartner.js';
import { handler as authorizationHandler } from '../../../functions/partners/setPartnerAuthorization.js';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { addSeconds, now } from '../../../lib/core/clock.js';
import { newId } from '../../../lib/core/crypto.js';
import { createHandshake, moveHandshake } from '../../../lib/core/handshake/store.js';
import { PARTNER_DISASSOCIATION } from '../../../lib/partners/kinds.js';
import { loadPartnerCustomer } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

const myPartner = (token: string) => invoke(partnerHandler, { method: 'GET', path: '/v1/partner', headers: bearer(token) });
const authorize = (token: string, authorizeOperations: boolean) =>
  invoke(authorizationHandler, { method: 'PUT', path: '/v1/partner/authorization', headers: bearer(token), body: { authorizeOperations } });

describe('GET /v1/partner: My Partner (R-PA-04, R-PA-05, R-PA-06)', () => {
  it('R-PA-05: a reseller customer sees its partner, the association time and that coupons pay only orders created before it; frozen (R-PA-04)', async () => {
    const partner = await enrolledPartner('Example Reseller');
    const { customer, association } = await associatedCustomer(partner);
    const res = await myPartner(customer.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      partnerId: partner.partnerId,
      partnerName: 'Example Reseller',
      model: 'reseller',
      associatedAt: association.associatedAt,
      couponsApplyToOrdersBefore: association.associatedAt,
      frozen: true,
      authorized: false,
      contacts: [{ name: 'Sales', email: 'sales@partner.example.com' }],
    });
  });

  it('R-PA-05: a referral customer has no coupon bound and is not frozen', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner, { model: 'referral' });
    const res = await myPartner(customer.token);
    expect(res.body).toMatchObject({ model: 'referral', frozen: false });
    expect(res.body.couponsApplyToOrdersBefore).toBeUndefined();
  });

  it('an account without a partner gets 404', async () => {
    const account = await activeAccount();
    const res = await myPartner(account.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it.each(['partner', 'customer'] as const)(
    'R-PD-04 R-PD-01: a pending disassociation request opened by the %s is shown (who, reason, expiry); once decided it is not',
    async (initiatedBy) => {
      const partner = await enrolledPartner();
      const { customer } = await associatedCustomer(partner);
      const partnerParty = { id: partner.partnerId, role: 'partner' };
      const customerParty = { id: customer.accountId, role: 'customer' };
      const [initiator, counterparty] = initiatedBy === 'partner' ? [partnerParty, customerParty] : [customerParty, partnerParty];
      const opened = await createHandshake(PARTNER_DISASSOCIATION, {
        id: newId('pr_'),
        initiator,
        counterparty,
        payload: initiatedBy === 'partner' ? { reason: 'We no longer serve this region.' } : {},
      });
      expect(opened.ok).toBe(true);
      const request = opened.ok ? opened.request : undefined;
      const res = await myPartner(customer.token);
      expect(res.body.pendingRequest).toEqual({
        requestId: request!.id,
        initiatedBy,
        ...(initiatedBy === 'partner' ? { reason: 'We no longer serve this region.' } : {}),
        createdAt: request!.createdAt,
        expiresAt: request!.expiresAt,
      });
      expect((await moveHandshake(request!.id, { party: counterparty.id }, 'reject')).ok).toBe(true);
      expect((await myPartner(customer.token)).body.pendingRequest).toBeUndefined();
    },
  );

  it('R-PD-01: a pending request past its expiry is no longer shown as pending (the scheduler lapses it)', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const past = addSeconds(now(), -PARTNER_DISASSOCIATION.expirySeconds - 60);
    await createHandshake(
      PARTNER_DISASSOCIATION,
      {
        id: newId('pr_'),
        initiator: { id: customer.accountId, role: 'customer' },
        counterparty: { id: partner.partnerId, role: 'partner' },
      },
      past,
    );
    expect((await myPartner(customer.token)).body.pendingRequest).toBeUndefined();
  });
});

describe('PUT /v1/partner/authorization (R-PA-06)', () => {
  it('R-PA-06: the customer grants and revokes the authorization; each change is logged, audited on the customer and visible to both sides', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);

    const granted = await authorize(customer.token, true);
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body).toEqual({ authorized: true, changedAt: expect.any(String) });
    expect((await myPartner(customer.token)).body).toMatchObject({ authorized: true, authorizationChangedAt: granted.body.changedAt });
    // The partner's side: the association item its customer list and customer view read.
    expect(await loadPartnerCustomer(partner.partnerId, customer.accountId)).toMatchObject({
      authorized: true,
      authorizedAt: granted.body.changedAt,
    });

    const revoked = await authorize(customer.token, false);
    expect(revoked.status).toBe(200);
    expect(revoked.body.authorized).toBe(false);
    expect((await myPartner(customer.token)).body.authorized).toBe(false);
    const after = (await loadPartnerCustomer(partner.partnerId, customer.accountId))!;
    expect(after.authorized).toBe(false);
    expect(after.authorizedAt).toBeUndefined();

    for (const view of [customer.accountId, partner.partnerId]) {
      const events = (await listLog(view)).items.filter((e) => e.customerId === customer.accountId).map((e) => e.event);
      expect(events.filter((e) => e.startsWith('authorization-'))).toEqual(['authorization-granted', 'authorization-revoked']);
    }
    const traces = await invoke(tracesHandler, {
      method: 'GET',
      path: '/v1/audit/traces',
      query: { traceName: 'setPartnerAuthorization' },
      headers: bearer(customer.token),
    });
    expect(traces.body.items).toHaveLength(2);
    expect(traces.body.items.every((t: { actor: string }) => t.actor === customer.accountId)).toBe(true);
  });

  it('R-PA-06: an authorization given at association shows on both sides; asking again for the same state changes and logs nothing', async () => {
    const partner = await enrolledPartner();
    const { customer, association } = await associatedCustomer(partner, { authorizeOperations: true });
    expect((await myPartner(customer.token)).body.authorized).toBe(true);
    const grants = async () => (await listLog(customer.accountId)).items.filter((e) => e.event.startsWith('authorization-'));
    const before = await grants();
    const again = await authorize(customer.token, true);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ authorized: true, changedAt: association.authorizedAt });
    expect(await loadPartnerCustomer(partner.partnerId, customer.accountId)).toEqual(association);
    expect(await grants()).toEqual(before);
  });

  it('an account without a partner gets 404; a partner administrator has no "my partner" authorization to set', async () => {
    const partner = await enrolledPartner();
    for (const token of [(await activeAccount()).token, partner.admin.token]) {
      const res = await authorize(token, true);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
    }
  });

  it.each([[{}], [{ authorizeOperations: 'yes' }], [{ authorizeOperations: true, extra: 1 }]])(
    'a bad body %j answers 400',
    async (body) => {
      const account = await activeAccount();
      const res = await invoke(authorizationHandler, {
        method: 'PUT',
        path: '/v1/partner/authorization',
        headers: bearer(account.token),
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    },
  );
});
