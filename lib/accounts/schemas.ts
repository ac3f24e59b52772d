/**
 * The identity field types of passwords and names (email and phone: lib/core/http/schemas.ts)
 * (issue 9 items 3, 18). Each type carries its rule twice: as a pattern/length the OpenAPI document shows,
 * and as a refinement calling the pure rule, so the document and the server say the same thing.
 */
import * as z from 'zod/mini';
import { config } from '../core/config.js';
import { LOGIN_ID_PATTERN, passwordProblems, TENANT_NAME_PATTERN } from './rules.js';

/** R-SU-03: a new password (composition rules here; "not your email or name" needs the account and stays in the use case). */
const PASSWORD_SHAPE = /^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[^\s]+$/;
export const newPassword = /* @__PURE__ */ newPasswordSchema();

function newPasswordSchema() {
  const { minLength, maxLength } = config.password;
  return z.string().check(
    z.minLength(minLength, `Use at least ${minLength} characters.`),
    z.maxLength(maxLength, `Use at most ${maxLength} characters.`),
    z.regex(PASSWORD_SHAPE, 'Use both letters and digits, and no spaces.'),
    z.superRefine((value, ctx) => {
      // Length and shape are reported above; the rule adds what a pattern cannot say (common passwords).
      if (value.length < minLength || value.length > maxLength || !PASSWORD_SHAPE.test(value)) return;
      for (const message of passwordProblems(value)) ctx.addIssue({ code: 'custom', message });
    }),
    z.meta({
      format: 'password',
      description: `R-SU-03: ${minLength} to ${maxLength} characters with letters and digits, no spaces, not a common password`,
    }),
  );
}

/** A password as typed to prove it (no composition rules: it was set under older rules, maybe). */
export const currentPassword = z.string().check(z.minLength(1), z.maxLength(1024), z.meta({ format: 'password' }));

/** R-AI-02 / R-AI-04: the name formats, as the rules define them. */
export const tenantName = z
  .string()
  .check(z.regex(TENANT_NAME_PATTERN, 'A tenant name starts with a letter and has 6 to 32 letters, digits, - or _.'));
export const loginId = z
  .string()
  .check(z.regex(LOGIN_ID_PATTERN, 'A login ID starts with a letter and has 6 to 32 letters, digits, _ . or -.'));

/** ISO 3166-1 alpha-2 country/region code. */
export const countryRegion = z.string().check(z.regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 code, e.g. "DE".'));
