/**
 * R-PD-01, R-PD-03: a reseller customer requests disassociation from My Partner: it confirms the statement and enters
 * an SMS code (`partner-disassociation`); the checks run again and the request goes to the partner, with the
 * customer's quota (1 per 3 months) and the pair's (3 per 3 months) used in the same transaction.
 */
import { checkCode } from '../accounts/codes.js';
import type { AccountCaller } from '../core/caller.js';
import { InvalidCode, NotFound } from '../core/errors.js';
import { openDisassociation } from './disassociation.js';
import { loadCustomerPartner } from './store.js';

export interface RequestDisassociationInput {
  confirm: true;
  verification: { challengeId: string; code: string };
}

export async function requestDisassociation(caller: AccountCaller, input: RequestDisassociationInput) {
  const association = await loadCustomerPartner(caller.accountId);
  if (!association) throw new NotFound('You are not associated with a partner.');
  const { challenge, consume } = await checkCode({
    ...input.verification,
    purpose: 'partner-disassociation',
    accountId: caller.accountId,
    sessionScoped: true,
  });
  // 001/003 §6.2.1: "Enter the text message verification code".
  if (challenge.channel !== 'sms') throw new InvalidCode('Use the code sent to your mobile number by SMS.');
  const request = await openDisassociation({
    side: 'customer',
    association,
    actor: { kind: 'account', id: caller.accountId },
    auditActor: caller.accountId,
    origin: caller.origin,
    payload: { statementConfirmed: true },
    extra: [consume],
  });
  return { requestId: request.id, status: 'pending' as const, expiresAt: request.expiresAt };
}
