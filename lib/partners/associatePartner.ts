/**
 * R-PA-01..05, log-in-and-associate: a signed-in customer accepts a partner's invitation and the instructions
 * (sharing its name and contact data with the partner); the preconditions are checked (./rules.ts) and the
 * association is written in one transaction (./association.ts). A reseller customer is frozen (R-PA-04); the
 * association time is recorded for the coupon rule (R-PA-05); authorization is optional (R-PA-06).
 */
import { loadAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { loadFacts } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { transact } from '../core/store/writes.js';
import { customerAccountOf, customerNameOf, notActive } from './accounts.js';
import { indexExtrasOf } from './customer-contact.js';
import { associationAnswer, associationFailure, associationWrites, openInvitation } from './association.js';
import { accountOpen } from './store.js';

export async function associatePartner(
  caller: AccountCaller,
  input: { invitationToken: string; acceptInstructions: true; authorizeOperations?: boolean },
) {
  const at = now();
  const invitation = await openInvitation(input.invitationToken, at);
  const [account, facts] = await Promise.all([loadAccount(caller.accountId), loadFacts(caller.accountId)]);
  const { association, items } = await associationWrites({
    invitation,
    customer: {
      accountId: account.accountId,
      createdAt: account.createdAt,
      name: customerNameOf(account),
      account: customerAccountOf(account),
      indexExtras: indexExtrasOf(account),
    },
    facts,
    authorizeOperations: input.authorizeOperations === true,
    origin: caller.origin,
    at,
  });
  await transact([...items, accountOpen(account.accountId)], (failure) => {
    if (failure.failed('account')) return notActive();
    return associationFailure(failure) ?? failure;
  });
  return associationAnswer(association);
}
