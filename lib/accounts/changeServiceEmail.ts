/** R-AI-09: bind or change the service email with a verify-identity code and a new-email code. */
import type { AccountCaller } from '../core/caller.js';
import { changeServiceContact } from './service-contact.js';

type Verification = { challengeId: string; code: string };

export async function changeServiceEmail(caller: AccountCaller, input: { identity: Verification; newEmail: Verification }) {
  return changeServiceContact('email', caller, { identity: input.identity, next: input.newEmail });
}
