/** R-PR-03: the caller's recipients (R-SEC-05: only its own). */
import type { AccountCaller } from '../core/caller.js';
import { type RecipientItem, listRecipientItems } from './store.js';

export async function listRecipients(caller: AccountCaller): Promise<{ items: RecipientItem[] }> {
  return { items: await listRecipientItems(caller.accountId) };
}
