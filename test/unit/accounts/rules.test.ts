import { describe, expect, it } from 'vitest';
import { maskEmail, maskMobile } from '../../../lib/core/contact/mask.js';
import { identifierKind, passwordProblems, tenantNameProblems } from '../../../lib/accounts/rules.js';
import { emailProblems, normalizeEmail } from '../../../lib/core/contact/email.js';

describe('account rules', () => {
  it.each([
    ['alice@example.com', true],
    ['Alice.Smith@Example.COM', true],
    ['a+b@example.com', false],
    ['a!b@example.com', false],
    ['a#b@example.com', false],
    ['a$b@example.com', false],
    ['no-at.example.com', false],
    ['two@@example.com', false],
    ['dots..here@example.com', false],
    ['nodomain@localhost', false],
  ])('R-SU-02 email %s acceptable: %s', (email, ok) => {
    expect(emailProblems(email).length === 0).toBe(ok);
  });

  it('R-SU-02 emails are stored normalized', () => {
    expect(normalizeEmail('  Alice@Example.COM ')).toBe('alice@example.com');
  });

  it.each([
    ['Correct-Horse-42', []],
    ['short1', ['at least 8']],
    ['onlyletters', ['letters and digits']],
    ['1234567890', ['letters and digits']],
    ['has space 12', ['Spaces']],
    ['Password123', ['too common']],
    ['qwerty123', ['too common']],
    [`a1${'b'.repeat(127)}`, ['at most 128']],
  ])('R-SU-03 password %s problems: %j', (password, expected) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(expected.length);
    for (const [i, fragment] of expected.entries()) expect(problems[i]).toContain(fragment);
  });

  it('R-SU-03 a 128-character password is accepted whole (never truncated)', () => {
    expect(passwordProblems(`a1${'b'.repeat(126)}`)).toEqual([]);
  });

  it.each([
    ['alice@example.com', 'EMAIL'],
    ['+49 151 1234567', 'MOBILE'],
    ['u12345678901', 'LOGINID_OR_TENANT'],
    ['my-tenant', 'LOGINID_OR_TENANT'],
  ])('R-LI-01 identifier %s is looked up as %s', (identifier, kind) => {
    expect(identifierKind(identifier)).toBe(kind);
  });

  it('R-AI-01 contact data is masked like zhu*****@qq.com', () => {
    expect(maskEmail('zhuxiaoming@qq.com')).toBe('zhu********@qq.com');
    expect(maskEmail('ab@qq.com')).toBe('a***@qq.com');
    expect(maskMobile('+8613812345678')).toBe('+86*******5678');
  });

  it.each([
    ['abcdef', true],
    ['a-b_c1', true],
    ['1abcdef', false],
    ['abc', false],
    [`a${'b'.repeat(32)}`, false],
    ['ab cdef', false],
  ])('R-AI-02 tenant name %s well-formed: %s', (name, ok) => {
    expect(tenantNameProblems(name).length === 0).toBe(ok);
  });
});
