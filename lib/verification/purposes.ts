/** Verification's rules on purposes (R-VC-05; the purposes themselves are lib/core/codes/purposes.ts). */
import { PURPOSES, type Purpose } from '../core/codes/purposes.js';

/** Purposes a client may request through POST /v1/verification-codes (login codes come from the login flow). */
export const REQUESTABLE_PURPOSES = PURPOSES.filter((p) => p !== 'login') as Exclude<Purpose, 'login'>[];

/** Purposes whose destination is a new contact given in the request, not one the account already has. */
export const NEW_DESTINATION: ReadonlySet<Purpose> = new Set<Purpose>(['new-mobile', 'new-email', 'security-phone']);

/** Purposes requested without a session, to an identifier of the account (R-SEC-03: same answer whether or not it exists). */
export const IDENTIFIER_PURPOSES: ReadonlySet<Purpose> = new Set<Purpose>(['password-reset', 'delete-huawei-id']);
