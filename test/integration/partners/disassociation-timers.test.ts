/**
 * Time-based disassociation behaviour on the test clock (issue 11): a pending request lapses after 30 days through
 * the scheduler and both sides are told; the quotas free up when their 91-day windows pass and the checks say when
 * (R-PD-03, R-PD-06). This file moves the clock, so it has a table of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { pendingDisassociation } from '../../../lib/partners/disassociation-store.js';
import { loadCustomerPartner } from '../../../lib/partners/store.js';
import {
  checks,
  customerDecides,
  freshToken,
  customerRequest,
  logEvents,
  partnerDecides,
  partnerRequest,
  readyCustomer,
} from '../../support/disassociation.js';
import { enrolledPartner } from '../../support/partners.js';

const DAY = 86_400_000;
afterEach(() => setClockOffset(0));

describe('a pending request lapses after 30 days (issue 11 item "expiry", R-PD-01, R-PD-04)', () => {
  it('issue 11: the scheduler expires the request at its expiresAt (not before), logs disassociation-expired and tells both sides', async () => {
    expect(partnersConfig.disassociationRequestTtlSeconds).toBe(30 * 86_400);
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const res = await customerRequest(customer);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { requestId } = res.body;
    const request = (await loadHandshake(requestId))!;
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBe(30 * DAY);

    setClockOffset(clockOffset() + 29 * DAY);
    await runScheduler();
    expect((await loadHandshake(requestId))!.state).toBe('pending');

    setClockOffset(clockOffset() + DAY + 60_000);
    await runScheduler();
    const lapsed = (await loadHandshake(requestId))!;
    expect(lapsed).toMatchObject({ state: 'expired', decidedBy: { role: 'system', id: 'scheduler' } });
    for (const view of [customer.accountId, partner.partnerId, `${partner.partnerId}#${customer.accountId}`]) {
      expect((await logEvents(view)).at(-1)).toBe('disassociation-expired');
    }
    const toCustomer = (await listRecordedMessages(customer.email, 1))[0]!;
    const toPartner = (await listRecordedMessages(partner.admin.email, 1))[0]!;
    expect(toCustomer).toMatchObject({ kind: 'partner-disassociation-result' });
    expect(toCustomer.body).toMatch(/expired/);
    expect(toPartner).toMatchObject({ kind: 'partner-disassociation-result' });
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
    await freshToken(partner.admin);
    // Lapsed: deciding it is a conflict; the pair may open a new one (the open claim is released).
    expect((await partnerDecides(partner.admin, requestId, { agree: true })).status).toBe(409);
    expect((await partnerRequest(partner.admin, customer.accountId)).status).toBe(201);
    // A second run does nothing twice.
    const again = await runScheduler();
    expect((await logEvents(customer.accountId)).filter((e) => e === 'disassociation-expired')).toHaveLength(1);
    expect(again.processed).toBe(0);
  });

  it('issue 11: a request decided before its expiry is not touched by the scheduler', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const res = await partnerRequest(partner.admin, customer.accountId);
    expect((await customerDecides(customer, res.body.requestId, false)).status).toBe(200);
    setClockOffset(31 * DAY);
    await runScheduler();
    await freshToken(customer);
    expect((await loadHandshake(res.body.requestId))!.state).toBe('rejected');
    expect(await logEvents(customer.accountId)).not.toContain('disassociation-expired');
  });
});

describe('a lapsed request before the scheduler ran (issue 11 expiry, R-PD-03, R-PD-06)', () => {
  it('R-PD-03/R-PD-06 (issue 11 expiry): a request past its expiresAt that the scheduler has not expired no longer fails the checks with request-pending', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const opened = await customerRequest(customer);
    expect(opened.status).toBe(201);
    expect((await checks(customer)).body.failures.map((f: { condition: string }) => f.condition)).toContain('request-pending');
    setClockOffset(clockOffset() + 30 * DAY + 60_000);
    await freshToken(customer);
    const res = await checks(customer);
    expect(res.status).toBe(200);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).not.toContain('request-pending');
    expect(await pendingDisassociation(customer.accountId)).toBeUndefined();
    // Not expired in the store yet: only the scheduler or a new request does that.
    expect((await loadHandshake(opened.body.requestId))!.state).toBe('pending');
  });

  it('R-PD-06 (issue 11 expiry): a new request expires the lapsed one first (disassociation-expired logged, both told), then opens; the scheduler finds nothing left', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const opened = await customerRequest(customer);
    expect(opened.status).toBe(201);
    setClockOffset(clockOffset() + 30 * DAY + 60_000);
    await freshToken(partner.admin);
    const next = await partnerRequest(partner.admin, customer.accountId);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect((await loadHandshake(opened.body.requestId))!).toMatchObject({ state: 'expired', decidedBy: { role: 'system' } });
    expect((await loadHandshake(next.body.requestId))!.state).toBe('pending');
    const pair = `${partner.partnerId}#${customer.accountId}`;
    expect((await logEvents(pair)).slice(-3)).toEqual(['disassociation-requested', 'disassociation-expired', 'disassociation-requested']);
    for (const view of [customer.accountId, partner.partnerId]) expect(await logEvents(view)).toContain('disassociation-expired');
    const toPartner = await listRecordedMessages(partner.admin.email, 5);
    expect(toPartner.some((m) => m.kind === 'partner-disassociation-result' && /expired/.test(m.body))).toBe(true);
    const toCustomer = await listRecordedMessages(customer.email, 5);
    expect(toCustomer.some((m) => m.kind === 'partner-disassociation-result' && /expired/.test(m.body))).toBe(true);
    expect(toCustomer.some((m) => m.kind === 'partner-disassociation-requested')).toBe(true);
    await runScheduler();
    expect((await logEvents(pair)).filter((e) => e === 'disassociation-expired')).toHaveLength(1);
  });
});

describe('visible quotas over time (R-PD-03, R-PD-06)', () => {
  it('R-PD-03: after a rejected request the checks say 0 left and the date; at that date (test clock) one is left again and the request passes', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const first = await customerRequest(customer);
    const createdAt = (await loadHandshake(first.body.requestId))!.createdAt;
    expect((await partnerDecides(partner.admin, first.body.requestId, { agree: false })).status).toBe(200);
    const next = new Date(Date.parse(createdAt) + 91 * DAY);
    expect((await checks(customer)).body).toMatchObject({ requestsLeft: 0, nextRequestPossibleAt: next.toISOString() });

    // One minute before: still none; at the date: one again (the window is 91 days, "3 months").
    const base = clockOffset();
    const nowMs = Date.now() + base;
    setClockOffset(base + (next.getTime() - nowMs) - 60_000);
    await freshToken(customer);
    expect((await checks(customer)).body.requestsLeft).toBe(0);
    setClockOffset(base + (next.getTime() - nowMs) + 1_000);
    const visible = await checks(customer);
    expect(visible.body).toEqual({ passed: true, failures: [], requestsLeft: 1 });
    expect((await customerRequest(customer)).status).toBe(201);
  });
});
