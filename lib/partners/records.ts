/** How an association-log entry is shown to the partner and to the customer (R-PD-07). Pure. */
import type { LogEntry } from '../core/association-log/log.js';
import { maskName } from '../core/contact/mask.js';

/**
 * The actor as a side sees it: never which operator (as in the audit view, issue 9 item 9); the customer sees which
 * partner acted, not which of its staff (the partner sees its own staff).
 */
const actorFor = (actor: LogEntry['actor'], side: 'partner' | 'customer'): LogEntry['actor'] => {
  if (actor.kind === 'operator') return { kind: 'operator', id: 'operator' };
  if (actor.kind === 'partner' && side === 'customer') return { kind: 'partner', id: actor.id.split(':')[0]! };
  return actor;
};

/** Which operator acted is kept for operators' own inquiries only (issue 9 item 9; conformance review finding 2). */
const withoutOperator = ({ operatorId: _operator, ...details }: Record<string, unknown>) => details;

/**
 * The details a side sees: never the operator; the partner not the ticket's consent email either (its recipient and
 * text name the customer unmasked, R-PD-10) — only who sent it and when (review 3 finding 2).
 */
function detailsFor(details: Record<string, unknown>, side: 'partner' | 'customer'): Record<string, unknown> {
  const shown = withoutOperator(details);
  if (side === 'customer' || !shown.consentEmail) return shown;
  const { consentEmail, ...rest } = shown as { consentEmail: { from?: string; receivedAt?: string } };
  return { ...rest, consentEmail: { from: consentEmail.from, receivedAt: consentEmail.receivedAt } };
}

/**
 * A record as one side sees it. The partner sees the customer name masked, as in its customer list (R-PD-10: hidden
 * until revealed, and a reveal is logged); the customer sees its own name.
 */
export const recordView = (e: LogEntry, side: 'partner' | 'customer') => ({
  event: e.event,
  time: e.time,
  actor: actorFor(e.actor, side),
  ...(e.partnerId ? { partnerId: e.partnerId } : {}),
  ...(e.customerId ? { customerId: e.customerId } : {}),
  ...(e.customerName ? { customerName: side === 'partner' ? maskName(e.customerName) : e.customerName } : {}),
  ...(e.model ? { model: e.model } : {}),
  ...(e.details ? { details: detailsFor(e.details, side) } : {}),
});
