/**
 * R-PD-09 (seed 004): an operator completes a customer's service ticket that carries the partner's consent email.
 * Only the customer's path: the route takes a customer's ticket with the partner's written consent as evidence (the
 * partner itself has no ticket path — seed 004 "a customer cannot be disassociated by its partner through a service
 * ticket"). The consent must come from the partner's registered email and follow the template (./ticket-rules.ts);
 * for a reseller customer the seed-004 conditions apply (enterprise association, arrears, reserved instances); the
 * quotas do not (the ticket is the way past them, R-PD-06). The association ends, the evidence is kept in the log
 * (`ticket-disassociated`), the customer's audit traces name the operator, and a request still open between the
 * pair is canceled by the operator — all in one transaction. Both sides are told. The consent must have been
 * received after the association began and be at most `partnersConfig.ticketConsentMaxAgeSeconds` old; a ticket
 * ID is used once (a claim item in the same transaction: a reused ticket is 409 STATE_CONFLICT).
 */
import { associationLogWrites } from './association-log.js';
import { requireAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { now } from '../core/clock.js';
import { partnersConfig } from '../core/config.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed, type TransactItem, transact } from '../core/store/writes.js';
import { loadDisassociationState, moveRefusal, partnerSide, refusal, resultNotices, staleAssociation } from './disassociation.js';
import { ticketChecks } from './disassociation-rules.js';
import { noOpenDisassociation, ticketClaim } from './disassociation-store.js';
import { type ConsentEmail, consentFailures } from './ticket-rules.js';
import { associationEndWrites, loadCustomerPartner } from './store.js';

export interface TicketInput {
  customerId: string;
  ticketId: string;
  consentEmail: ConsentEmail;
}

const namesOf = (a: { tenantName?: string; loginId?: string }) => [a.tenantName, a.loginId].filter((n): n is string => Boolean(n));

export async function disassociateByTicket(caller: OperatorCaller, input: TicketInput) {
  const association = await loadCustomerPartner(input.customerId);
  if (!association) throw new NotFound('The customer is not associated with a partner.');
  const at = now();
  const [customer, { partner, admin }] = await Promise.all([requireAccount(input.customerId), partnerSide(association.partnerId)]);
  if (!partner || !admin) throw new NotFound();
  const consent = consentFailures(
    input.consentEmail,
    {
      partnerEmail: admin.email,
      customerEmails: [customer.email, ...(customer.serviceEmail ? [customer.serviceEmail] : [])],
      partnerNames: namesOf(admin),
      customerNames: namesOf(customer),
    },
    at,
    { associatedAt: association.associatedAt, maxAgeSeconds: partnersConfig.ticketConsentMaxAgeSeconds },
  );
  if (consent.length) throw new RuleViolation('NOT_ALLOWED', "The partner's consent email does not qualify as evidence.", consent);
  const state = await loadDisassociationState(association, 'customer', at);
  const checks = ticketChecks(state.facts);
  if (!checks.passed) throw refusal(checks, state.visible);

  // A request past its expiresAt the scheduler has not expired yet still holds the open claim: the operator cancels it too.
  const pending = state.pending ?? state.lapsed;
  const entry = (event: 'ticket-disassociated' | 'disassociation-canceled', details: Record<string, unknown>) =>
    associationLogWrites(association, {
      event,
      time: at.toISOString(),
      actor: { kind: 'operator', id: caller.operatorId },
      details,
    });
  const notices = resultNotices(
    'partner-disassociated-by-ticket',
    { ticketId: input.ticketId, at: at.toISOString() },
    association,
    partner,
    [customer, admin],
  );
  const writes: TransactItem[] = [
    ticketClaim(input.ticketId, {
      customerId: association.customerId,
      partnerId: association.partnerId,
      operatorId: caller.operatorId,
      at: at.toISOString(),
    }),
    ...associationEndWrites(association),
    ...entry('ticket-disassociated', {
      ticketId: input.ticketId,
      operatorId: caller.operatorId,
      consentEmail: input.consentEmail,
      ...(pending ? { canceledRequestId: pending.id } : {}),
    }),
    ...(pending ? entry('disassociation-canceled', { requestId: pending.id, ticketId: input.ticketId }) : []),
    auditWrite({
      accountId: association.customerId,
      traceName: 'disassociatePartnerByTicket',
      request: caller.origin,
      result: 'success',
      actor: actorOf(caller),
      changes: [{ field: 'partner', old: association.partnerId, new: null }],
    }),
    ...notices.map((n) => n.write),
  ];
  try {
    if (pending) {
      const moved = await moveHandshake(pending.id, { operator: caller.operatorId }, 'cancel', at, writes);
      if (!moved.ok) throw moveRefusal(moved.reason);
    } else {
      await transact([noOpenDisassociation(association.partnerId, association.customerId), ...writes]);
    }
  } catch (error) {
    if (error instanceof ConditionFailed && error.failed('ticket'))
      throw new Conflict('STATE_CONFLICT', 'This service ticket was already used to disassociate a customer.');
    if (error instanceof ConditionFailed) throw staleAssociation();
    throw error;
  }
  await publishNow(notices.map((n) => n.pending));
  return {
    customerId: association.customerId,
    partnerId: association.partnerId,
    disassociatedAt: at.toISOString(),
    ...(pending ? { canceledRequestId: pending.id } : {}),
  };
}
