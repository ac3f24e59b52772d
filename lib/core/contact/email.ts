/** R-SU-02: email addresses as every area accepts and stores them. Pure. */
const EMAIL_FORBIDDEN = /[+!#$]/;
// Pragmatic address syntax: local@domain.tld, no spaces, one @, a dot in the domain.
export const EMAIL_PATTERN =
  /^[A-Za-z0-9._%&'*/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

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
