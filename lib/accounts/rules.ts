/**
 * Pure rules about account data: passwords, identifiers, names. Email and phone rules are shared by
 * every area: lib/core/contact/.
 * No I/O here; every limit comes from lib/core/config.ts.
 */
import { config } from '../core/config.js';
import type { FieldError } from '../core/errors.js';
import { normalizeEmail } from '../core/contact/email.js';
import { normalizeMobile } from '../core/contact/phone.js';
import { isCommonPassword } from './common-passwords.js';

/** R-SU-03: problems of a new password; empty when acceptable. `context` values may not be the password. */
export function passwordProblems(password: string, context: string[] = []): string[] {
  const { minLength, maxLength } = config.password;
  const problems: string[] = [];
  if (password.length < minLength) problems.push(`Use at least ${minLength} characters.`);
  if (password.length > maxLength) problems.push(`Use at most ${maxLength} characters.`);
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('Use both letters and digits.');
  if (/\s/.test(password)) problems.push('Spaces are not allowed.');
  if (isCommonPassword(password)) problems.push('This password is too common; choose another.');
  const lower = password.toLowerCase();
  if (context.some((c) => c.length >= 4 && lower === c.toLowerCase())) problems.push('Do not use your email or name as the password.');
  return problems;
}

/** Which claim an identifier can name (R-LI-01, R-LI-07). */
export type IdentifierKind = 'EMAIL' | 'MOBILE' | 'LOGINID_OR_TENANT';

export function identifierKind(identifier: string): IdentifierKind {
  const v = identifier.trim();
  if (v.includes('@')) return 'EMAIL';
  if (/^\+?[\d\s()-]{8,20}$/.test(v)) return 'MOBILE';
  return 'LOGINID_OR_TENANT';
}

/** R-AI-02: tenant name format. */
export const TENANT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{5,31}$/;
export function tenantNameProblems(name: string): string[] {
  return TENANT_NAME_PATTERN.test(name) ? [] : ['A tenant name starts with a letter and has 6 to 32 letters, digits, - or _.'];
}

/** Login IDs: 6–32 of letters, digits, `_`, `.`, `-`, starting with a letter. */
export const LOGIN_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{5,31}$/;
export function loginIdProblems(loginId: string): string[] {
  return LOGIN_ID_PATTERN.test(loginId) ? [] : ['A login ID starts with a letter and has 6 to 32 letters, digits, _ . or -.'];
}

/** Claim values are compared case-insensitively for names. */
export const claimValue = {
  email: (email: string) => normalizeEmail(email),
  mobile: (mobile: string) => normalizeMobile(mobile),
  name: (name: string) => name.trim().toLowerCase(),
};

/** R-AI-01: `zhu*****@qq.com`. */

/** Turns per-body-field problem lists into FieldErrors for one 400 (paths as the validator writes them). */
export function fieldErrors(fields: Record<string, string[]>): FieldError[] {
  return Object.entries(fields).flatMap(([field, problems]) => problems.map((message) => ({ path: `body.${field}`, message })));
}
