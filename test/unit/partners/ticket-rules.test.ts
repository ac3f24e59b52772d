/** R-PD-09 (seed 004): the partner's consent email as evidence (pure). */
import { describe, expect, it } from 'vitest';
import { consentFailures } from '../../../lib/partners/ticket-rules.js';

const parties = { partnerEmail: 'Admin@Partner.example.com', partnerNames: ['partner-co', 'pco'], customerNames: ['cust-tenant', 'cust'] };
const at = new Date('2026-11-24T00:00:00.000Z');
const good = {
  from: 'admin@partner.example.com',
  subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account partner-co',
  body: 'HUAWEI CLOUD partner (account name: partner-co) agrees to cancel the association with the customer (account name: cust-tenant). As a HUAWEI CLOUD partner, we clearly know the impact of the disassociation and bear the possible consequences. We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: cust-tenant).',
  receivedAt: '2026-11-23T10:00:00.000Z',
};

describe('consent email of the service-ticket path (R-PD-09)', () => {
  it('R-PD-09: the template from the registered email passes (case and runs of spaces do not matter; login ID or tenant name)', () => {
    expect(consentFailures(good, parties, at)).toEqual([]);
    const loose = { ...good, subject: '  approving huawei cloud account   CUST to disassociate from partner account pco ' };
    expect(consentFailures(loose, parties, at)).toEqual([]);
  });

  it.each([
    ['consent-sender', { from: 'sales@partner.example.com' }],
    ['consent-subject', { subject: 'Approving HUAWEI CLOUD account someone to disassociate from partner account partner-co' }],
    [
      'consent-subject',
      { subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account partner-co, and more' },
    ],
    ['consent-subject', { subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account .*' }],
    ['consent-body', { body: good.body.replace('(account name: partner-co)', '(account name: other)') }],
    ['consent-body', { body: good.body.replace('We hereby authorize', 'We do not authorize') }],
    ['consent-received-at', { receivedAt: '2026-11-25T00:00:00.000Z' }],
  ] as const)('R-PD-09: %s alone fails', (condition, change) => {
    expect(consentFailures({ ...good, ...change }, parties, at).map((f) => f.condition)).toEqual([condition]);
  });
});
