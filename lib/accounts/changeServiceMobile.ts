/** R-SU-06, R-AI-08: bind or change the service mobile with a verify-identity code and a new-mobile code. */
import type { AccountCaller } from '../core/caller.js';
import { changeServiceContact } from './service-contact.js';

type Verification = { challengeId: string; code: string };

export async function changeServiceMobile(caller: AccountCaller, input: { identity: Verification; newMobile: Verification }) {
  return changeServiceContact('mobile', caller, { identity: input.identity, next: input.newMobile });
}
