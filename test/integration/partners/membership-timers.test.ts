/**
 * Issue 11 review finding 3 (R-PD-04): a membership invitation lapses after 7 days (*default*,
 * partnersConfig.membershipInvitationTtlSeconds) through the scheduler's `handshake-expiry` processor
 * (kind `partner-membership`): expired, `member-invitation-expired` in the partner's records, nothing else changes.
 * This file moves the test clock, so it has a table of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { handler as listMemberships } from '../../../functions/partners/listPartnerMemberships.js';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { clockOffset, now, setClockOffset } from '../../../lib/core/clock.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { loadStaffRole } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { freshToken } from '../../support/disassociation.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { handler as removeMember } from '../../../functions/partners/removePartnerMember.js';
import { decideMembership, enrolledPartner, inviteMember } from '../../support/partners.js';

const DAY = 86_400_000;
const remove = (staff: { token: string }, accountId: string) =>
  invoke(removeMember, {
    method: 'DELETE',
    path: `/v1/partner-center/members/${accountId}`,
    pathParameters: { accountId },
    headers: bearer(staff.token),
  });
afterEach(() => setClockOffset(0));

describe('a membership invitation lapses (issue 11 review finding 3, R-PD-04)', () => {
  it('R-PD-04: the scheduler expires a pending invitation at its expiresAt (7 days, not before), logs member-invitation-expired; it can no longer be accepted and the partner may invite again', async () => {
    expect(partnersConfig.membershipInvitationTtlSeconds).toBe(7 * 86_400);
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const invited = await inviteMember(partner, account.accountId);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const { requestId } = invited.body;
    const request = (await loadHandshake(requestId))!;
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBe(7 * DAY);

    setClockOffset(clockOffset() + 7 * DAY - 60_000);
    await runScheduler();
    expect((await loadHandshake(requestId))!.state).toBe('pending');

    setClockOffset(clockOffset() + 120_000);
    await runScheduler();
    expect((await loadHandshake(requestId))!).toMatchObject({ state: 'expired', decidedBy: { role: 'system', id: 'scheduler' } });
    const log = (await listLog(partner.partnerId, { limit: 100 })).items;
    expect(log.filter((e) => e.event === 'member-invitation-expired')).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: 'scheduler' },
        details: expect.objectContaining({ accountId: account.accountId, requestId }),
      }),
    ]);
    await freshToken(account);
    await freshToken(partner.admin);
    const listed = await invoke(listMemberships, { method: 'GET', path: '/v1/partner-memberships', headers: bearer(account.token) });
    expect(listed.body).toEqual({ items: [] });
    expect((await decideMembership(account, requestId, true)).status).toBe(409);
    expect(await loadStaffRole(account.accountId)).toBeUndefined();
    expect((await loadFacts(account.accountId)).associations.partnerProgram).toBe(false);
    // The pair's open claim is released: a new invitation is possible.
    expect((await inviteMember(partner, account.accountId)).status).toBe(201);
    // A second run does nothing twice.
    await runScheduler();
    expect((await listLog(partner.partnerId, { limit: 100 })).items.filter((e) => e.event === 'member-invitation-expired')).toHaveLength(1);
  });

  it('R-PD-04: a lapsed invitation the scheduler has not reached yet is not listed and cannot be accepted (422 expired)', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const { requestId } = (await inviteMember(partner, account.accountId)).body;
    setClockOffset(clockOffset() + 7 * DAY + 60_000);
    await freshToken(account);
    const listed = await invoke(listMemberships, { method: 'GET', path: '/v1/partner-memberships', headers: bearer(account.token) });
    expect(listed.body).toEqual({ items: [] });
    const late = await decideMembership(account, requestId, true);
    expect(late.status).toBe(422);
    expect(late.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['expired']);
    expect(await loadStaffRole(account.accountId)).toBeUndefined();
  });

  it('R-PD-04 (review 3 finding 1): a lapsed invitation the scheduler has not reached does not block the administrator — inviting again expires it inline (member-invitation-expired, once) and opens a new one (201)', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const first = (await inviteMember(partner, account.accountId)).body;
    setClockOffset(clockOffset() + 7 * DAY + 60_000);
    await freshToken(partner.admin);
    const again = await inviteMember(partner, account.accountId);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.requestId).not.toBe(first.requestId);
    expect((await loadHandshake(first.requestId))!.state).toBe('expired');
    await runScheduler(); // the scheduler meeting it later changes nothing
    const events = (await listLog(partner.partnerId, { limit: 100 })).items.map((e) => e.event);
    expect(events.filter((e) => e === 'member-invitation-expired')).toHaveLength(1);
    expect((await loadHandshake(again.body.requestId))!.state).toBe('pending');
  });

  it('R-PD-04 (review 3 finding 1): cancelling a lapsed invitation the scheduler has not reached expires it inline and answers 404 (nothing is pending any more), not 422 expired', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const { requestId } = (await inviteMember(partner, account.accountId)).body;
    setClockOffset(clockOffset() + 7 * DAY + 60_000);
    await freshToken(partner.admin);
    const cancel = await remove(partner.admin, account.accountId);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(404);
    expect((await loadHandshake(requestId))!.state).toBe('expired');
    const events = (await listLog(partner.partnerId, { limit: 100 })).items.map((e) => e.event);
    expect(events).toContain('member-invitation-expired');
    expect(events).not.toContain('member-invitation-canceled');
  });
});

describe('one partner cannot churn invitations to one account (review 3 finding 5, R-PD-04)', () => {
  it("R-PD-04 (review 3 finding 5): a partner may invite the same account 3 times per 30 days (*default*); the 4th is refused 422 QUOTA_EXCEEDED (invitation-quota, nextRequestPossibleAt) and another partner's pending invitation stays listed for the account", async () => {
    expect(partnersConfig.memberInvitesPerPair).toEqual({ max: 3, windowSeconds: 30 * 86_400 });
    const [churner, honest] = [await enrolledPartner(), await enrolledPartner()];
    const account = await activeAccount();
    const real = await inviteMember(honest, account.accountId);
    expect(real.status, JSON.stringify(real.body)).toBe(201);
    const firstAt = now().getTime();
    for (let i = 0; i < 3; i += 1) {
      expect((await inviteMember(churner, account.accountId)).status).toBe(201);
      expect((await remove(churner.admin, account.accountId)).status).toBe(200);
    }
    const fourth = await inviteMember(churner, account.accountId);
    expect(fourth.status, JSON.stringify(fourth.body)).toBe(422);
    expect(fourth.body.code).toBe('QUOTA_EXCEEDED');
    expect(fourth.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['invitation-quota']);
    const next = Date.parse(fourth.body.nextRequestPossibleAt);
    expect(next - firstAt).toBeGreaterThan(30 * DAY - 60_000);
    expect(next - firstAt).toBeLessThan(30 * DAY + 60_000);
    // Another partner's quota is its own.
    expect((await inviteMember(honest, (await activeAccount()).accountId)).status).toBe(201);
    const listed = await invoke(listMemberships, { method: 'GET', path: '/v1/partner-memberships', headers: bearer(account.token) });
    expect(listed.body.items.map((i: { requestId: string }) => i.requestId)).toEqual([real.body.requestId]);
    // Once the window has passed, the partner may invite the account again.
    setClockOffset(clockOffset() + 30 * DAY + 60_000);
    await freshToken(churner.admin);
    expect((await inviteMember(churner, account.accountId)).status).toBe(201);
  });
});
