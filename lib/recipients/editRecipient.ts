/** R-PR-03: edit one of the caller's recipients; another account's is not found (R-SEC-05). */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import { type RecipientInput, clean, closedOrFull } from './rules.js';
import { type RecipientItem, commitEditRecipient, findRecipient } from './store.js';

export async function editRecipient(caller: AccountCaller, input: RecipientInput & { recipientId: string }): Promise<RecipientItem> {
  const { recipientId, ...rest } = input;
  const data = clean(rest);
  const trace = auditWrite({
    accountId: caller.accountId,
    traceName: 'editRecipient',
    request: caller.origin,
    result: 'success',
    changes: [{ field: 'recipient', new: data.name }],
  });
  const refused = await commitEditRecipient(caller.accountId, recipientId, data, nowIso(), trace);
  if (refused === 'not-found') throw new NotFound();
  if (refused) throw closedOrFull(false);
  return (await findRecipient(caller.accountId, recipientId))!;
}
