/**
 * The account's standing: facts other systems own (billing, orders, contracts), pushed by operators
 * through PUT /v1/ops/accounts/{id}/standing. Stored whole with a version, so a closure can condition
 * on exactly the standing it judged (R-CL-05); audited on the account with the operator's ID.
 */
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { Conflict, NotFound } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import type { Standing } from './rules.js';
import { loadStanding, standingPut } from './store.js';

export async function putStanding(caller: OperatorCaller, input: { accountId: string; standing: Standing }) {
  const { accountId, standing } = input;
  const account = await findAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const current = await loadStanding(accountId);
  const updatedAt = nowIso();
  const changed = Object.keys(standing).filter((f) => current.standing[f as keyof Standing] !== standing[f as keyof Standing]);
  await transact(
    [
      standingPut(accountId, standing, current.version, updatedAt),
      auditWrite({
        accountId,
        traceName: 'putStanding',
        request: caller.origin,
        result: 'success',
        actor: actorOf(caller),
        changes: changed.map((field) => ({
          field: `standing.${field}`,
          old: current.standing[field as keyof Standing],
          new: standing[field as keyof Standing],
        })),
      }),
    ],
    () => new Conflict('STATE_CONFLICT', 'The standing changed meanwhile; send it again.'),
  );
  return { ...standing, updatedAt };
}
