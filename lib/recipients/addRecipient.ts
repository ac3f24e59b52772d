/** R-PR-03: add a recipient, at most 10 per account (*default*) even when added in parallel; audited. */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { type RecipientInput, clean, closedOrFull } from './rules.js';
import { type RecipientItem, commitAddRecipient } from './store.js';

export type Recipient = RecipientItem;

export async function addRecipient(caller: AccountCaller, input: RecipientInput): Promise<Recipient> {
  const data = clean(input);
  const at = nowIso();
  const recipient: Recipient = { recipientId: newId('rc_'), ...data, createdAt: at, updatedAt: at };
  const trace = auditWrite({
    accountId: caller.accountId,
    traceName: 'addRecipient',
    request: caller.origin,
    result: 'success',
    changes: [{ field: 'recipient', new: data.name }],
  });
  if (await commitAddRecipient(caller.accountId, recipient, trace)) throw closedOrFull(true);
  return recipient;
}
