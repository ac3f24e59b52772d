/** R-PD-09 (seed 004): the partner's consent email as evidence (pure). */
import { describe, expect, it } from 'vitest';
import { consentFailures } from '../../../lib/partners/ticket-rules.js';

const parties = {
  partnerEmail: 'Admin@Partner.example.com',
  customerEmails: ['owner@customer.example.com', 'billing@customer.example.com'],
  partnerNames: ['partner-co', 'pco'],
  customerNames: ['cust-tenant', 'cust'],
};
const at = new Date('2026-11-24T00:00:00.000Z');
const DAY = 86_400;
/** The association began on 2026-11-01; a consent may be at most 30 days old. */
const bounds = { associatedAt: '2026-11-01T00:00:00.000Z', maxAgeSeconds: 30 * DAY };
const good = {
  from: 'admin@partner.example.com',
  to: 'Owner@Customer.example.com',
  subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account partner-co',
  body: 'HUAWEI CLOUD partner (account name: partner-co) agrees to cancel the association with the customer (account name: cust-tenant). As a HUAWEI CLOUD partner, we clearly know the impact of the disassociation and bear the possible consequences. We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: cust-tenant).',
  receivedAt: '2026-11-23T10:00:00.000Z',
};

describe('consent email of the service-ticket path (R-PD-09)', () => {
  it('R-PD-09: the template from the registered email passes (case and runs of spaces do not matter; login ID or tenant name)', () => {
    expect(consentFailures(good, parties, at, bounds)).toEqual([]);
    const loose = { ...good, subject: '  approving huawei cloud account   CUST to disassociate from partner account pco ' };
    expect(consentFailures(loose, parties, at, bounds)).toEqual([]);
  });

  it("R-PD-09: a consent addressed to the customer's service email (the one the partner center shows) qualifies too (review 3 finding 4)", () => {
    expect(consentFailures({ ...good, to: 'billing@customer.example.com' }, parties, at, bounds)).toEqual([]);
  });

  it.each([
    ['consent-sender', { from: 'sales@partner.example.com' }],
    ['consent-recipient', { to: 'someone@else.example.com' }],
    ['consent-subject', { subject: 'Approving HUAWEI CLOUD account someone to disassociate from partner account partner-co' }],
    [
      'consent-subject',
      { subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account partner-co, and more' },
    ],
    ['consent-subject', { subject: 'Approving HUAWEI CLOUD account cust-tenant to disassociate from partner account .*' }],
    ['consent-body', { body: good.body.replace('(account name: partner-co)', '(account name: other)') }],
    ['consent-body', { body: good.body.replace('We hereby authorize', 'We do not authorize') }],
    ['consent-received-at', { receivedAt: '2026-11-25T00:00:00.000Z' }],
    ['consent-predates-association', { receivedAt: '2026-10-31T23:59:59.999Z' }],
  ] as const)('R-PD-09: %s alone fails', (condition, change) => {
    expect(consentFailures({ ...good, ...change }, parties, at, bounds).map((f) => f.condition)).toEqual([condition]);
  });

  it.each([
    { name: 'received at the association', receivedAt: '2026-11-01T00:00:00.000Z', at, failures: [] },
    { name: 'one ms before the association', receivedAt: '2026-10-31T23:59:59.999Z', at, failures: ['consent-predates-association'] },
    { name: 'a day before the association', receivedAt: '2026-10-31T00:00:00.000Z', at, failures: ['consent-predates-association'] },
    {
      name: 'exactly 30 days old',
      receivedAt: '2026-11-02T00:00:00.000Z',
      at: new Date('2026-12-02T00:00:00.000Z'),
      failures: [],
    },
    {
      name: '30 days and 1 ms old',
      receivedAt: '2026-11-02T00:00:00.000Z',
      at: new Date('2026-12-02T00:00:00.001Z'),
      failures: ['consent-too-old'],
    },
    {
      name: 'before the association and too old',
      receivedAt: '2026-10-01T00:00:00.000Z',
      at: new Date('2026-12-02T00:00:00.000Z'),
      failures: ['consent-predates-association', 'consent-too-old'],
    },
  ])('R-PD-09: a consent $name → $failures', ({ receivedAt, at: when, failures }) => {
    expect(consentFailures({ ...good, receivedAt }, parties, when, bounds).map((f) => f.condition)).toEqual(failures);
  });
});
