/**
 * Checking a one-time code for an account (issue 10): lib/core/codes' check with the accounts area's effect of a
 * wrong code: it counts toward the lock of the account the code was sent for (R-SEC-01, issue 9). Every area
 * checks codes through these, so no check forgets the lock, and core imports no area.
 */
import { type CodeCheck, type CodeEffects, checkCode as check, consumeCode as consume } from '../core/codes/challenges.js';
import { countFailure } from './lockout.js';

const charging: CodeEffects = { onWrongCode: countFailure };

/** Counts the attempt, compares; a wrong code charges the account's lock. See lib/core/codes/challenges.ts. */
export const checkCode = (code: CodeCheck) => check(code, charging);

/** Check and consume in one go, for operations whose change is written separately. */
export const consumeCode = (code: CodeCheck) => consume(code, charging);
