/** Issue 11: the test helpers every partners test builds on make what they say. */
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { loadCustomerPartner, loadStaffRole } from '../../../lib/partners/store.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

describe('partners test support (issue 11)', () => {
  it('enrolledPartner() makes an administrator; associatedCustomer() a frozen reseller customer (R-PA-04) or a referral one', async () => {
    const partner = await enrolledPartner();
    expect(await loadStaffRole(partner.admin.accountId)).toEqual({ partnerId: partner.partnerId, role: 'administrator' });
    const reseller = await associatedCustomer(partner);
    expect(reseller.association).toMatchObject({ partnerId: partner.partnerId, model: 'reseller', frozen: true });
    expect((await loadCustomerPartner(reseller.customer.accountId))?.partnerId).toBe(partner.partnerId);
    expect((await loadFacts(reseller.customer.accountId)).associations).toMatchObject({ partnerAssociated: true, partnerFrozen: true });
    const referral = await associatedCustomer(partner, { model: 'referral' });
    expect(referral.association).toMatchObject({ model: 'referral', frozen: false });
  });
});
