/** R-PR-03: delete one of the caller's recipients; another account's is not found (R-SEC-05). */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import { closedOrFull } from './rules.js';
import { commitDeleteRecipient } from './store.js';

export async function deleteRecipient(caller: AccountCaller, input: { recipientId: string }): Promise<void> {
  const { recipientId } = input;
  const trace = auditWrite({
    accountId: caller.accountId,
    traceName: 'deleteRecipient',
    request: caller.origin,
    result: 'success',
    changes: [{ field: 'recipient', old: recipientId }],
  });
  const refused = await commitDeleteRecipient(caller.accountId, recipientId, trace);
  if (refused === 'not-found') throw new NotFound();
  if (refused) throw closedOrFull(false);
}
