/**
 * Issue 11: a partner and associated customers, quickly, for tests of every partners item.
 * FOUNDATION VERSION: written against lib/partners/store.ts; helper A switches these to the real use cases
 * (enrollPartner, createPartnerInvitation, associatePartner) once they land, keeping the same signatures.
 */
import { logWrites, pairViews } from '../../lib/core/association-log/log.js';
import { nowIso } from '../../lib/core/clock.js';
import { newId } from '../../lib/core/crypto.js';
import { transact } from '../../lib/core/store/writes.js';
import type { Association, PartnerModel } from '../../lib/partners/model.js';
import { associationCreateWrites, loadPartnerCustomer, partnerPut, staffWrites } from '../../lib/partners/store.js';
import { activeAccount } from './closure.js';

export type TestAccount = Awaited<ReturnType<typeof activeAccount>>;

export interface TestPartner {
  partnerId: string;
  name: string;
  /** The enrolled account: the partner's administrator. */
  admin: TestAccount;
}

/** An active account enrolled as a partner (its administrator). */
export async function enrolledPartner(name = `Partner ${newId().slice(-6)}`): Promise<TestPartner> {
  const admin = await activeAccount();
  const partnerId = newId('pt_');
  const at = nowIso();
  await transact([
    partnerPut({
      partnerId,
      adminAccountId: admin.accountId,
      name,
      contacts: [{ name: 'Sales', email: 'sales@partner.example.com' }],
      verificationProtection: false,
      enrolledAt: at,
      enrolledBy: 'test-operator',
    }),
    ...staffWrites(partnerId, admin.accountId, 'administrator', at),
  ]);
  return { partnerId, name, admin };
}

/** A new active account associated with the partner (reseller: frozen until a budget is set). */
export async function associatedCustomer(
  partner: TestPartner,
  options: { model?: PartnerModel; authorizeOperations?: boolean } = {},
): Promise<{ customer: TestAccount; association: Association }> {
  const model = options.model ?? 'reseller';
  const customer = await activeAccount();
  const at = nowIso();
  const association: Association = {
    partnerId: partner.partnerId,
    customerId: customer.accountId,
    model,
    associatedAt: at,
    invitationId: newId('pi_'),
    frozen: model === 'reseller',
    authorized: options.authorizeOperations === true,
    ...(options.authorizeOperations ? { authorizedAt: at } : {}),
    customerName: customer.email,
    version: 1,
  };
  const entry = { area: 'partner' as const, partnerId: partner.partnerId, customerId: customer.accountId, model, time: at };
  const actor = { kind: 'account' as const, id: customer.accountId };
  const views = pairViews(partner.partnerId, customer.accountId);
  await transact([
    ...associationCreateWrites(association),
    ...logWrites({ ...entry, event: 'associated', actor }, views),
    ...(association.frozen ? logWrites({ ...entry, event: 'frozen', actor: { kind: 'system', id: 'association' } }, views) : []),
  ]);
  return { customer, association: (await loadPartnerCustomer(partner.partnerId, customer.accountId))! };
}
