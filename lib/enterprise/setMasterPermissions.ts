/**
 * setMasterPermissions (issue 12 route 7, R-MM-08): the member grants or withdraws each permission its master
 * requested, later than at acceptance. Only a subset of the requested ones (400 naming each one not requested); not
 * a member → 404. One transaction, conditional on the member row's version (a racing change answers 409): the row,
 * `permissions-changed` on both views, the member's audit trace and the notice to the master.
 */
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { Conflict, NotFound, ValidationFailed } from '../core/errors.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed, transact } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import type { Permission } from './kinds.js';
import { permissionsChangedNotices } from './permission-notices.js';
import { notRequested } from './rules.js';
import { loadMemberOf, memberUpdate } from './store.js';

const same = (a: readonly Permission[], b: readonly Permission[]) => a.length === b.length && a.every((p) => b.includes(p));

export async function setMasterPermissions(caller: AccountCaller, input: { permissions: Permission[] }) {
  const granted = [...new Set(input.permissions)];
  const row = await loadMemberOf(caller.accountId);
  if (!row) throw new NotFound('The account is not a member of an enterprise master.');
  const errors = notRequested(granted, row.requestedPermissions).map((perm) => ({
    path: `body.permissions.${input.permissions.indexOf(perm)}`,
    message: `The master did not request "${perm}".`,
  }));
  if (errors.length) throw new ValidationFailed(errors);
  const answer = { requested: row.requestedPermissions, granted };
  if (same(granted, row.permissions)) return answer;
  const time = now().toISOString();
  const master = await findAccount(row.masterAccountId);
  const notices = permissionsChangedNotices({ memberAccountId: row.memberAccountId, permissions: granted.join(', '), at: time }, master);
  try {
    await transact([
      memberUpdate(row, { permissions: granted }),
      ...enterpriseLogWrites(
        {
          masterAccountId: row.masterAccountId,
          memberAccountId: row.memberAccountId,
          accountingMode: row.accountingMode,
          permissions: granted,
        },
        { event: 'permissions-changed', actor: accountActor(row.memberAccountId), time, details: { previousPermissions: row.permissions } },
      ),
      auditWrite({
        accountId: row.memberAccountId,
        traceName: 'setMasterPermissions',
        request: caller.origin,
        result: 'success',
        changes: [{ field: 'masterPermissions', old: row.permissions.join(','), new: granted.join(',') }],
      }),
      ...notices.map((n) => n.write),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.failed('member'))
      throw new Conflict('STATE_CONFLICT', 'The association changed meanwhile; read it again.');
    throw error;
  }
  await publishNow(notices.map((n) => n.pending));
  return answer;
}
