/**
 * Pure rules about account data: email, password, phone numbers, identifiers, masking.
 * No I/O here; every limit comes from lib/core/config.ts.
 */
import { config } from '../core/config.js';
import type { FieldError } from '../core/errors.js';
import { isCommonPassword } from './common-passwords.js';

const EMAIL_FORBIDDEN = /[+!#$]/;
// Pragmatic address syntax: local@domain.tld, no spaces, one @, a dot in the domain.
export const EMAIL_PATTERN = /^[A-Za-z0-9._%&'*/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** R-SU-02: the stored form of an email (trimmed, lower case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** R-SU-02: problems of an email address; empty when acceptable. */
export function emailProblems(email: string): string[] {
  const e = normalizeEmail(email);
  const problems: string[] = [];
  if (EMAIL_FORBIDDEN.test(e)) problems.push('An email address may not contain + ! # or $.');
  else if (e.length > 254 || !EMAIL_PATTERN.test(e) || e.includes('..')) problems.push('Enter a valid email address.');
  return problems;
}

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

/**
 * Phone numbers are parsed, validated and normalised to E.164 in one place: the `phone` type of
 * lib/core/http/schemas.ts (libphonenumber-js, ./phone.ts; issue 9 item 3). What reaches a use case is E.164
 * already; these only strip separators and check the shape (identifiers, stored values).
 */
export function normalizeMobile(mobile: string): string {
  return mobile.replace(/[\s()-]/g, '');
}

export function isE164(mobile: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(normalizeMobile(mobile));
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
  return TENANT_NAME_PATTERN.test(name)
    ? []
    : ['A tenant name starts with a letter and has 6 to 32 letters, digits, - or _.'];
}

/** Login IDs: 6–32 of letters, digits, `_`, `.`, `-`, starting with a letter. */
export const LOGIN_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{5,31}$/;
export function loginIdProblems(loginId: string): string[] {
  return LOGIN_ID_PATTERN.test(loginId)
    ? []
    : ['A login ID starts with a letter and has 6 to 32 letters, digits, _ . or -.'];
}

/** Claim values are compared case-insensitively for names. */
export const claimValue = {
  email: (email: string) => normalizeEmail(email),
  mobile: (mobile: string) => normalizeMobile(mobile),
  name: (name: string) => name.trim().toLowerCase(),
};

/** R-AI-01: `zhu*****@qq.com`. */


import { maskEmail, maskMobile } from '../core/mask.js';

export function maskDestination(channel: 'sms' | 'email', destination: string): string {
  return channel === 'email' ? maskEmail(destination) : maskMobile(destination);
}

/** Turns per-body-field problem lists into FieldErrors for one 400 (paths as the validator writes them). */
export function fieldErrors(fields: Record<string, string[]>): FieldError[] {
  return Object.entries(fields).flatMap(([field, problems]) => problems.map((message) => ({ path: `body.${field}`, message })));
}
