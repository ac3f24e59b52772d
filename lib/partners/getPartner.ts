/**
 * My Partner (003 §6.2; R-PA-04..06): the customer's partner, how and since when it is associated, whether the
 * account is frozen (R-PA-04), the time coupons are bounded by (R-PA-05: in the reseller model cash coupons pay only
 * orders created before association), the authorization to act on its behalf (R-PA-06), the monthly budget and a
 * pending disassociation request either side opened (R-PD-01, R-PD-04: "Process"). Not associated: 404.
 */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { listHandshakes } from '../core/handshake/store.js';
import { PARTNER_DISASSOCIATION } from './kinds.js';
import type { Association } from './model.js';
import { loadCustomerPartner, loadPartner } from './store.js';

export async function getPartner(caller: AccountCaller) {
  const association = await loadCustomerPartner(caller.accountId);
  if (!association) throw new NotFound('This account is not associated with a partner.');
  const [partner, requests] = await Promise.all([
    loadPartner(association.partnerId),
    listHandshakes(caller.accountId, PARTNER_DISASSOCIATION.kind, { limit: 1 }),
  ]);
  const pending = pendingRequest(association, requests.items[0]);
  return {
    partnerId: association.partnerId,
    partnerName: partner?.name ?? '',
    model: association.model,
    associatedAt: association.associatedAt,
    ...(association.model === 'reseller' ? { couponsApplyToOrdersBefore: association.associatedAt } : {}),
    frozen: association.frozen,
    authorized: association.authorized,
    ...(association.authorizationChangedAt ? { authorizationChangedAt: association.authorizationChangedAt } : {}),
    contacts: partner?.contacts ?? [],
    ...(association.budget
      ? {
          monthlyBudget: {
            amount: association.budget.monthlyBudget,
            currency: association.budget.currency,
            setAt: association.budget.setAt,
          },
        }
      : {}),
    ...(pending ? { pendingRequest: pending } : {}),
  };
}

/** The newest disassociation request, when it is still pending between this customer and this partner. */
function pendingRequest(association: Association, request: HandshakeRequest | undefined) {
  if (request?.state !== 'pending' || now().toISOString() >= request.expiresAt) return undefined;
  const parties = [request.initiator.id, request.counterparty.id];
  if (!parties.includes(association.partnerId) || !parties.includes(association.customerId)) return undefined;
  const reason = request.payload.reason;
  return {
    requestId: request.id,
    initiatedBy: request.initiator.role as 'customer' | 'partner',
    ...(typeof reason === 'string' && reason ? { reason } : {}),
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
  };
}
