/**
 * Contract of lib/partners/disassociation-store.ts on DynamoDB Local (issue 11): the conditions the disassociation
 * transactions carry (the association unchanged, no request open between the pair, the partner profile exists) and
 * the pending request of a customer (R-PD-01, R-PD-04, R-PD-08, R-PD-09).
 */
import { describe, expect, it } from 'vitest';
import { partnersConfig } from '../../lib/core/config.js';
import { newId } from '../../lib/core/crypto.js';
import { createHandshake, moveHandshake } from '../../lib/core/handshake/store.js';
import type { WindowLimit } from '../../lib/core/quota/rolling-window.js';
import { quotaState, quotaUseWrite, readQuotaWindows } from '../../lib/core/quota/store.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import {
  associationUnchanged,
  customerQuotaScope,
  noOpenDisassociation,
  pairQuotaScope,
  partnerProtectionUpdate,
  pendingDisassociation,
} from '../../lib/partners/disassociation-store.js';
import { PARTNER_DISASSOCIATION } from '../../lib/partners/kinds.js';
import type { Association } from '../../lib/partners/model.js';
import { associationCreateWrites, associationUpdate, loadPartner, partnerPut } from '../../lib/partners/store.js';

const at = new Date().toISOString();

async function pair(): Promise<Association> {
  const a: Association = {
    partnerId: newId('pt_'),
    customerId: newId('ac_'),
    model: 'reseller',
    associatedAt: at,
    invitationId: newId('pi_'),
    frozen: false,
    authorized: false,
    customerName: 'Customer',
    version: 1,
  };
  await transact([
    partnerPut({
      partnerId: a.partnerId,
      adminAccountId: newId('ac_'),
      name: 'P',
      contacts: [],
      verificationProtection: false,
      enrolledAt: at,
      enrolledBy: 't',
    }),
    ...associationCreateWrites(a),
  ]);
  return a;
}

const open = (a: Association, by: 'customer' | 'partner' = 'customer') =>
  createHandshake(PARTNER_DISASSOCIATION, {
    id: newId('dr_'),
    initiator: by === 'customer' ? { id: a.customerId, role: 'customer' } : { id: a.partnerId, role: 'partner' },
    counterparty: by === 'customer' ? { id: a.partnerId, role: 'partner' } : { id: a.customerId, role: 'customer' },
    payload: { partnerId: a.partnerId, customerId: a.customerId },
  });

describe('disassociation store contract (DynamoDB Local)', () => {
  it('R-PD-01 R-PD-04: pendingDisassociation answers the open request (either side opened it) and nothing once it ended', async () => {
    const a = await pair();
    expect(await pendingDisassociation(a.customerId)).toBeUndefined();
    const opened = await open(a, 'partner');
    if (!opened.ok) throw new Error(opened.reason);
    expect((await pendingDisassociation(a.customerId))?.id).toBe(opened.request.id);
    expect((await moveHandshake(opened.request.id, { party: a.customerId }, 'reject')).ok).toBe(true);
    expect(await pendingDisassociation(a.customerId)).toBeUndefined();
  });

  it('R-PD-09: noOpenDisassociation holds without an open request and fails (tag open) with one', async () => {
    const a = await pair();
    await transact([noOpenDisassociation(a.partnerId, a.customerId)]);
    const opened = await open(a);
    expect(opened.ok).toBe(true);
    const error = await transact([noOpenDisassociation(a.partnerId, a.customerId)]).catch((e) => e);
    expect(error).toBeInstanceOf(ConditionFailed);
    expect((error as ConditionFailed).failed('open')).toBe(true);
  });

  it('R-PD-01: associationUnchanged holds for the version read and fails (tag association) after a change or an end', async () => {
    const a = await pair();
    await transact([associationUnchanged(a)]);
    await transact([associationUpdate(a, { frozen: true })]);
    const error = await transact([associationUnchanged(a)]).catch((e) => e);
    expect((error as ConditionFailed).failed('association')).toBe(true);
    await transact([associationUnchanged({ ...a, version: 2 })]);
  });

  it('R-PD-08: partnerProtectionUpdate sets the protection of an existing partner only (tag partner)', async () => {
    const a = await pair();
    await transact([partnerProtectionUpdate(a.partnerId, true, at, 'admin')]);
    expect((await loadPartner(a.partnerId))?.verificationProtection).toBe(true);
    const error = await transact([partnerProtectionUpdate(newId('pt_'), true, at, 'admin')]).catch((e) => e);
    expect((error as ConditionFailed).failed('partner')).toBe(true);
  });

  it("R-PD-03 R-PD-06: a use in a customer's scope counts for that customer with any partner; a use in a pair's scope only for that pair (on DynamoDB Local)", async () => {
    const [c1, c2, p1, p2] = [newId('ac_'), newId('ac_'), newId('pt_'), newId('pt_')];
    const { customerRequestQuota: own, pairRequestQuota: pairLimit } = partnersConfig;
    const now = new Date();
    const [customerWindow, pairWindow] = await readQuotaWindows([
      { scope: customerQuotaScope(c1), limit: own },
      { scope: pairQuotaScope(p1, c1), limit: pairLimit },
    ]);
    await transact([quotaUseWrite(customerWindow!, now, 'customer-quota'), quotaUseWrite(pairWindow!, now, 'pair-quota')]);
    const left = async (scope: string, limit: WindowLimit) => quotaState((await readQuotaWindows([{ scope, limit }]))[0]!, now).left;
    expect({
      ownCustomer: await left(customerQuotaScope(c1), own),
      otherCustomer: await left(customerQuotaScope(c2), own),
      pair: await left(pairQuotaScope(p1, c1), pairLimit),
      samePartnerOtherCustomer: await left(pairQuotaScope(p1, c2), pairLimit),
      sameCustomerOtherPartner: await left(pairQuotaScope(p2, c1), pairLimit),
    }).toEqual({
      ownCustomer: own.max - 1,
      otherCustomer: own.max,
      pair: pairLimit.max - 1,
      samePartnerOtherCustomer: pairLimit.max,
      sameCustomerOtherPartner: pairLimit.max,
    });
  });
});
