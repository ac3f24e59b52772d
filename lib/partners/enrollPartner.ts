/**
 * Issue 11: an operator enrolls an active account as a partner. The account becomes the partner's administrator
 * (its staff claim: one partner organisation per account, exact under races), carries the `partnerProgram` fact
 * (R-RN-05: no individual real-name authentication later), and the enrollment is audited with the operator's ID.
 * An Enterprise Center master is refused (422 CHECK_FAILED `enterprise-master`, R-MM-01; judged in the transaction).
 */
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { Conflict } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { activeAccountOf, notActive } from './accounts.js';
import type { Partner, PartnerContact } from './model.js';
import { enterpriseMasterRefusal } from './rules.js';
import { accountActive, partnerPut, staffWrites } from './store.js';

export async function enrollPartner(caller: OperatorCaller, input: { accountId: string; name: string; contacts?: PartnerContact[] }) {
  const account = await activeAccountOf(input.accountId);
  const at = nowIso();
  const partner: Partner = {
    partnerId: newId('pt_'),
    adminAccountId: account.accountId,
    name: input.name,
    contacts: input.contacts ?? [],
    verificationProtection: false,
    enrolledAt: at,
    enrolledBy: caller.operatorId,
  };
  await transact(
    [
      partnerPut(partner),
      ...staffWrites(partner.partnerId, account.accountId, 'administrator', at),
      accountActive(account.accountId),
      auditWrite({
        accountId: account.accountId,
        traceName: 'enrollPartner',
        request: caller.origin,
        result: 'success',
        actor: actorOf(caller),
        changes: [{ field: 'partnerRole', new: 'administrator' }],
      }),
    ],
    (failure) => {
      if (failure.failed('staff')) return new Conflict('STATE_CONFLICT', 'The account is already staff of a partner.');
      if (failure.failed('account')) return notActive();
      if (failure.failed('enterprise-master')) return enterpriseMasterRefusal();
      return failure;
    },
  );
  return { partnerId: partner.partnerId, accountId: account.accountId, name: partner.name };
}
