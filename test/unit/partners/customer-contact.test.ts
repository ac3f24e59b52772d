import { describe, expect, it } from 'vitest';
import { maskName } from '../../../lib/core/contact/mask.js';
import { customerNameOf } from '../../../lib/partners/accounts.js';
import { contactOf, indexExtrasOf, maskedContactOf } from '../../../lib/partners/customer-contact.js';

const account = {
  accountType: 'enterprise' as const,
  fullName: 'Li Lei',
  enterpriseName: 'Alpha Trading',
  tenantName: 'hwc01234567890',
  loginId: 'u01234567890',
  email: 'li.lei@example.com',
  mobile: '+8613800001234',
};

describe('what a partner sees of its customer (R-PD-10, R-PA-01)', () => {
  it.each([
    { a: account, name: 'Alpha Trading' },
    { a: { ...account, accountType: 'individual' as const, enterpriseName: undefined }, name: 'Li Lei' },
    { a: { ...account, accountType: 'unset' as const, fullName: undefined, enterpriseName: undefined }, name: 'hwc01234567890' },
  ])('R-PD-10: the customer name of a $a.accountType account is $name', ({ a, name }) => {
    expect(customerNameOf(a)).toBe(name);
  });

  it('R-PD-10: every contact field is masked by default; the service contact is the one shown', () => {
    const masked = maskedContactOf({ ...account, serviceEmail: 'billing@alpha.example' });
    expect(masked).toEqual({
      customerName: 'A********',
      accountName: 'h********',
      email: 'bil****@alpha.example',
      mobile: '+86*******1234',
    });
    expect(contactOf({ ...account, serviceEmail: 'billing@alpha.example' }).email).toBe('billing@alpha.example');
    expect(Object.values(masked).some((v) => [account.email, account.mobile, 'Alpha Trading', account.tenantName].includes(v))).toBe(false);
  });

  it.each([
    ['', ''],
    ['A', 'A**'],
    ['李雷', '李**'],
    ['Alpha Trading Co.', 'A********'],
  ])('R-PD-10: maskName(%j) = %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('R-PD-10: the index holds a keyed hash of the mobile number, never the number; the account name only, never the login ID', () => {
    const extras = indexExtrasOf(account);
    expect(extras.accountNames).toEqual([account.tenantName]);
    expect(JSON.stringify(extras)).not.toContain(account.loginId);
    expect(extras.mobileHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(extras)).not.toContain('13800001234');
    expect(indexExtrasOf({ ...account, mobile: undefined }).mobileHash).toBeUndefined();
  });
});
