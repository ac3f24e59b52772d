/**
 * R-PA-06 (issue 11): the customer grants or revokes the partner's authorization to act on its behalf (the letter
 * of authorization; optional at association). Logged (`authorization-granted` / `authorization-revoked`, seen by
 * both sides) and audited on the customer, in one transaction conditional on the association's version; a racing
 * change of the association (a budget, a manager) is re-read and the choice applied again, at most three times.
 * Asking for the state the association already has changes nothing and answers it (PUT is idempotent).
 * What the authorization gates: lib/partners/on-behalf.ts.
 */
import { associationLogWrites } from './association-log.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { Conflict, NotFound } from '../core/errors.js';
import { ConditionFailed, transact } from '../core/store/writes.js';
import { associationChangeWrites, loadCustomerPartner } from './store.js';

const ATTEMPTS = 3;

export async function setPartnerAuthorization(caller: AccountCaller, input: { authorizeOperations: boolean }) {
  const authorized = input.authorizeOperations;
  for (let attempt = 1; ; attempt += 1) {
    const association = await loadCustomerPartner(caller.accountId);
    if (!association) throw new NotFound('This account is not associated with a partner.');
    if (association.authorized === authorized) {
      return { authorized, changedAt: association.authorizationChangedAt ?? association.authorizedAt ?? association.associatedAt };
    }
    const at = nowIso();
    const { customerId } = association;
    try {
      await transact([
        ...associationChangeWrites(association, {
          authorized,
          authorizedAt: authorized ? at : undefined,
          authorizationChangedAt: at,
        }),
        ...associationLogWrites(association, {
          event: authorized ? 'authorization-granted' : 'authorization-revoked',
          actor: { kind: 'account', id: customerId },
          time: at,
        }),
        auditWrite({
          accountId: customerId,
          traceName: 'setPartnerAuthorization',
          request: caller.origin,
          result: 'success',
          changes: [
            { field: 'partnerAuthorization', old: association.authorized ? 'granted' : 'none', new: authorized ? 'granted' : 'none' },
          ],
        }),
      ]);
      return { authorized, changedAt: at };
    } catch (error) {
      if (!(error instanceof ConditionFailed && error.failed('association'))) throw error;
      if (attempt >= ATTEMPTS) throw new Conflict('STATE_CONFLICT', 'The association changed meanwhile; try again.');
    }
  }
}
