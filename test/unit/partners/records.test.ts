import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../lib/core/association-log/log.js';
import { recordView } from '../../../lib/partners/records.js';

const entry = (actor: LogEntry['actor']): LogEntry => ({
  id: 'l1',
  area: 'partner',
  event: 'budget-set',
  time: '2026-11-24T00:00:00.000Z',
  actor,
  partnerId: 'pt_1',
  customerId: 'acc_c',
});

describe('what each side sees of a record (R-PD-07, R-PA-06)', () => {
  it.each([
    [
      'a partner staff action',
      { kind: 'partner', id: 'pt_1:acc_staff' },
      { kind: 'partner', id: 'pt_1' },
      { kind: 'partner', id: 'pt_1:acc_staff' },
    ],
    ['an operator action', { kind: 'operator', id: 'op-7' }, { kind: 'operator', id: 'operator' }, { kind: 'operator', id: 'operator' }],
    ['the customer itself', { kind: 'account', id: 'acc_c' }, { kind: 'account', id: 'acc_c' }, { kind: 'account', id: 'acc_c' }],
    ['the scheduler', { kind: 'system', id: 'scheduler' }, { kind: 'system', id: 'scheduler' }, { kind: 'system', id: 'scheduler' }],
  ] as const)(
    'R-PD-07: %s — the customer sees which partner (not which staff), neither side sees which operator',
    (_n, actor, customer, partner) => {
      expect(recordView(entry(actor), 'customer').actor).toEqual(customer);
      expect(recordView(entry(actor), 'partner').actor).toEqual(partner);
    },
  );

  it('R-PD-10, R-PD-07: the partner sees the customer name masked (revealing it is the logged way); the customer sees its own name', () => {
    const named = { ...entry({ kind: 'account', id: 'acc_c' }), customerName: 'Alpha Trading' };
    expect(recordView(named, 'partner').customerName).toBe('A********');
    expect(recordView(named, 'customer').customerName).toBe('Alpha Trading');
    expect(recordView(entry({ kind: 'account', id: 'acc_c' }), 'partner')).not.toHaveProperty('customerName');
  });

  it('R-PD-07 (issue 9 item 9): neither side sees which operator completed a service ticket, in the actor or the details', () => {
    const ticket = {
      ...entry({ kind: 'operator', id: 'op-7' }),
      event: 'ticket-disassociated',
      details: { ticketId: 't1', operatorId: 'op-7' },
    };
    for (const side of ['customer', 'partner'] as const) {
      const shown = recordView(ticket, side);
      expect(shown.details).toEqual({ ticketId: 't1' });
      expect(JSON.stringify(shown)).not.toContain('op-7');
    }
  });

  it("R-PD-10 R-PD-07: the partner's view of a ticket keeps the consent email's sender and time only (its recipient and text name the customer unmasked); the customer's view keeps it (review 3 finding 2)", () => {
    const consentEmail = {
      from: 'admin@p.example',
      to: 'owner@c.example',
      subject: 'Approving … Alpha Trading …',
      body: '… Alpha Trading …',
      receivedAt: '2026-11-24T00:00:00.000Z',
    };
    const ticket = { ...entry({ kind: 'operator', id: 'op-7' }), event: 'ticket-disassociated', details: { ticketId: 't1', consentEmail } };
    expect(recordView(ticket, 'partner').details).toEqual({
      ticketId: 't1',
      consentEmail: { from: 'admin@p.example', receivedAt: consentEmail.receivedAt },
    });
    expect(JSON.stringify(recordView(ticket, 'partner'))).not.toMatch(/owner@c\.example|Alpha Trading/);
    expect(recordView(ticket, 'customer').details).toEqual({ ticketId: 't1', consentEmail });
  });
});
