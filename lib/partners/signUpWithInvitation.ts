/**
 * R-PA-01, register-and-associate: `POST /v1/accounts` with an `invitationToken`. The accounts area knows nothing
 * of partners: this use case wraps its `signUp` and extends the sign-up's transaction (accounts'
 * `SignUpExtension`), so the account and its association are created together or not at all. An invalid, revoked
 * or expired token is refused (422) before anything is written; without a token this is the plain sign-up.
 */
import { type SignUpInput, signUp } from '../accounts/signUp.js';
import type { GuestCaller } from '../core/caller.js';
import { NO_ASSOCIATIONS } from '../core/checks/facts.js';
import { ValidationFailed } from '../core/errors.js';
import { indexExtrasOf } from './customer-contact.js';
import { associationAnswer, associationFailure, associationWrites, openInvitation } from './association.js';
import { customerAccountOf, customerNameOf } from './accounts.js';
import type { Association } from './model.js';

export async function signUpWithInvitation(
  caller: GuestCaller,
  input: SignUpInput & { invitationToken?: string; acceptInstructions?: true; authorizeOperations?: boolean },
) {
  const { invitationToken, acceptInstructions, authorizeOperations, ...signUpInput } = input;
  if (invitationToken === undefined) return signUp(caller, signUpInput);
  // R-PA-01: associating requires the instructions accepted, on sign-up as on log-in-and-associate.
  if (acceptInstructions !== true)
    throw new ValidationFailed([
      { path: 'acceptInstructions', message: 'With an invitation token the partner instructions must be accepted (true).' },
    ]);
  let association: Association | undefined;
  const result = await signUp(caller, signUpInput, {
    async writes(account, at) {
      const invitation = await openInvitation(invitationToken, at);
      const made = await associationWrites({
        invitation,
        customer: {
          accountId: account.accountId,
          createdAt: account.createdAt,
          name: customerNameOf(account),
          account: customerAccountOf(account),
          indexExtras: indexExtrasOf(account),
          isNew: true,
        },
        // A new account: nothing recorded yet.
        facts: { standing: {}, standingVersion: 0, associations: NO_ASSOCIATIONS },
        authorizeOperations: authorizeOperations === true,
        origin: caller.origin,
        at,
      });
      association = made.association;
      return made.items;
    },
    failure: associationFailure,
  });
  return { ...result, partner: associationAnswer(association!) };
}
