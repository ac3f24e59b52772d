/**
 * Issue 11, R-PA-01: a partner administrator creates invitation links (reseller or referral) with a QR payload;
 * they expire (30 days *default*), can be revoked, and are capped per partner per day — exactly, under parallel
 * requests. Only a keyed hash of the token's secret is stored.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as createInvitation } from '../../../functions/partners/createPartnerInvitation.js';
import { handler as revokeInvitation } from '../../../functions/partners/revokePartnerInvitation.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { nowIso, setClockOffset } from '../../../lib/core/clock.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { keyedHash } from '../../../lib/core/crypto.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { enrolledPartner } from '../../support/partners.js';

const DAY = 86_400_000;
const create = (token: string, model = 'reseller') =>
  invoke(createInvitation, { method: 'POST', path: '/v1/partner-center/invitations', headers: bearer(token), body: { model } });
const revoke = (token: string, invitationId: string) =>
  invoke(revokeInvitation, {
    method: 'DELETE',
    path: `/v1/partner-center/invitations/${invitationId}`,
    pathParameters: { invitationId },
    headers: bearer(token),
  });

describe('partner invitations (issue 11, R-PA-01)', () => {
  afterEach(() => setClockOffset(0));

  it.each(['reseller', 'referral'])(
    'R-PA-01: a %s invitation has an unguessable token, a link, a QR payload and a 30-day expiry',
    async (model) => {
      const partner = await enrolledPartner();
      const res = await create(partner.admin.token, model);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { invitationId, token, url, qrPayload, expiresAt } = res.body;
      expect(res.body.model).toBe(model);
      expect(token).toMatch(new RegExp(`^${invitationId}\\.[A-Za-z0-9_-]{43}$`));
      expect(url).toBe(`${partnersConfig.invitationBaseUrl}?token=${encodeURIComponent(token)}`);
      expect(qrPayload).toBe(url);
      expect(Date.parse(expiresAt) - Date.parse(nowIso())).toBeGreaterThan(30 * DAY - 60_000);
      expect(Date.parse(expiresAt) - Date.parse(nowIso())).toBeLessThanOrEqual(30 * DAY);
      // Only a keyed hash of the secret is stored: the token appears nowhere in the item.
      const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.partnerInvitation(invitationId) }));
      expect(JSON.stringify(Item)).not.toContain(token.split('.')[1]);
      expect(Item).toMatchObject({ partnerId: partner.partnerId, model, secretHash: expect.any(String) });
      // R-PD-07: logged on the partner's view.
      expect((await listLog(partner.partnerId)).items.find((e) => e.event === 'invitation-created')).toMatchObject({
        details: { invitationId, model },
      });
    },
  );

  it('R-PA-01: the daily cap per partner is exact under parallel requests (2 parallel with 1 left: 1 success, 429 with Retry-After)', async () => {
    const partner = await enrolledPartner();
    const day = nowIso().slice(0, 10);
    await db().send(
      new PutCommand({
        TableName: TABLE(),
        Item: { ...keys.rateWindow('partner-invitations', partner.partnerId, day), n: partnersConfig.invitationsPerDay - 1 },
      }),
    );
    const results = await Promise.all([create(partner.admin.token), create(partner.admin.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 429]);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Retry-After: until the next UTC day, when the partner's count starts again.
    const untilTomorrow = (Date.parse(`${day}T00:00:00.000Z`) + DAY - Date.parse(nowIso())) / 1000;
    expect(Math.abs(Number(limited.headers['retry-after']) - untilTomorrow)).toBeLessThanOrEqual(5);
    // Another partner is not affected.
    expect((await create((await enrolledPartner()).admin.token)).status).toBe(201);
  });

  it('R-PA-01: the administrator revokes an invitation (logged); revoking again answers the same', async () => {
    const partner = await enrolledPartner();
    const { invitationId } = (await create(partner.admin.token)).body;
    const res = await revoke(partner.admin.token, invitationId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ invitationId, status: 'revoked' });
    expect((await revoke(partner.admin.token, invitationId)).status).toBe(200);
    const revoked = (await listLog(partner.partnerId)).items.filter((e) => e.event === 'invitation-revoked');
    expect(revoked).toHaveLength(1);
  });

  it("BOLA: another partner's invitation is not found (404); account managers and non-staff may neither create nor revoke (403)", async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const { invitationId } = (await create(p1.admin.token)).body;
    expect((await revoke(p2.admin.token, invitationId)).status).toBe(404);
    expect((await revoke(p2.admin.token, 'pi_unknown')).status).toBe(404);
    const stranger = await activeAccount();
    expect((await create(stranger.token)).status).toBe(403);
    expect((await revoke(stranger.token, invitationId)).status).toBe(403);
  });

  it('bad input: 400 naming the model', async () => {
    const partner = await enrolledPartner();
    const res = await create(partner.admin.token, 'wholesale');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.model']);
  });

  it('API.md conventions (Idempotency-Key, issue 11 review 2 item 4): a retried invitation creation answers the first invitation, uses the daily cap once, and the kept answer at rest holds no token', async () => {
    const partner = await enrolledPartner();
    const idemKey = `inv-${partner.partnerId}`;
    const send = () =>
      invoke(createInvitation, {
        method: 'POST',
        path: '/v1/partner-center/invitations',
        headers: { ...bearer(partner.admin.token), 'idempotency-key': idemKey },
        body: { model: 'reseller' },
      });
    const first = await send();
    const again = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const counter = await db().send(
      new GetCommand({ TableName: TABLE(), Key: keys.rateWindow('partner-invitations', partner.partnerId, nowIso().slice(0, 10)) }),
    );
    expect(counter.Item?.n).toBe(1);
    expect((await listLog(partner.partnerId)).items.filter((e) => e.event === 'invitation-created')).toHaveLength(1);
    // Tokens only as keyed hashes at rest: the kept answer is sealed, neither the token nor its secret is readable.
    const record = await db().send(
      new GetCommand({
        TableName: TABLE(),
        Key: keys.idempotency(`createPartnerInvitation#${partner.admin.accountId}`, keyedHash('idempotency', idemKey)),
      }),
    );
    expect(record.Item?.state).toBe('done');
    const atRest = JSON.stringify(record.Item);
    const secret = String(first.body.token).split('.')[1]!;
    expect(atRest).not.toContain(secret);
    expect(atRest).not.toContain(first.body.invitationId);
    expect(atRest).not.toContain(idemKey);
  });
});
