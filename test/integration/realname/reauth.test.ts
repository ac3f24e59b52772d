/**
 * Issue 13 item 2: re-authentication (R-RA-01..06) over the real handlers on DynamoDB Local and s3rver. The decision
 * is not part of this branch: accounts are put into the authenticated state with the `authenticatedAs` test fixture.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { REAUTH_SPECS, type ReauthKind } from '../../../lib/realname/reauth-rules.js';
import { certificateNumberHash, loadApplication } from '../../../lib/realname/store.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { acceptedMember, enabledMaster, invite } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import {
  authenticatedAs,
  enterpriseApplication,
  individualApplication,
  realName,
  reauthMaterialsFor,
  reauthenticate,
  verifiedMaterial,
  withdraw,
} from '../../support/realname.js';

type Session = Awaited<ReturnType<typeof activeAccount>>;

afterEach(() => setClockOffset(0));

const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

/** A body of `kind` (the new details) with fresh verified materials. */
async function reauthBody(
  session: Session,
  kind: ReauthKind,
  overrides: Record<string, unknown> = {},
  formFixture: 'pdf' | 'png' | 'gif' = 'pdf',
) {
  const { materials, applicationForm } = await reauthMaterialsFor(session, kind, formFixture);
  const details =
    REAUTH_SPECS[kind].to === 'individual'
      ? individualApplication({ fullName: 'Han Meimei' })
      : enterpriseApplication({ enterpriseName: 'New Example GmbH' });
  return { ...details, kind, materials, applicationForm, ...overrides };
}

/** An active account authenticated as `from` (the test fixture standing in for an approval). */
async function authenticated(from: 'individual' | 'enterprise', given: Parameters<typeof authenticatedAs>[2] = {}) {
  const account = await activeAccount();
  return { account, auth: await authenticatedAs(account.accountId, from, given) };
}

async function traceNames(session: Session) {
  const res = await invoke(tracesHandler, {
    method: 'GET',
    path: '/v1/audit/traces',
    query: { limit: '50' },
    headers: bearer(session.token),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ traceName: string }>).map((t) => t.traceName);
}

describe('submitReauthentication (issue 13 item 2)', () => {
  it.each([
    ['R-RA-01', 'individual-owner', 'individual', 'changeIndividualAuthInfo'],
    ['R-RA-02', 'individual-to-enterprise', 'individual', 'reauthWithEnterpriseInfo'],
    ['R-RA-03', 'enterprise-entity', 'enterprise', 'changeEnterpriseEntity'],
    ['R-RA-04', 'enterprise-name', 'enterprise', 'changeEnterpriseName'],
  ] as const)(
    '%s R-RA-05: the %s change is pending with its materials and form, audited by kind; the old authentication stays in force and shown',
    async (_rule, kind, from, traceName) => {
      const { account, auth } = await authenticated(from);
      const overrides = kind === 'enterprise-name' ? { registrationNumber: auth.number } : {};
      const body = await reauthBody(account, kind, overrides);
      const before = await realName(account);
      const res = await reauthenticate(account, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'pending', reviewDueBy: expect.any(String) });
      const app = (await loadApplication(res.body.applicationId as string))!;
      expect(app).toMatchObject({
        accountId: account.accountId,
        kind,
        status: 'pending',
        materials: body.materials,
        applicationForm: body.applicationForm,
      });
      const raw = body as { certificateNumber?: string; registrationNumber?: string };
      expect(JSON.stringify(app)).not.toContain((raw.certificateNumber ?? raw.registrationNumber) as string);
      // R-RA-05: the view keeps the authentication in force and shows the pending change with its submission time.
      const after = await realName(account);
      expect(after.body.authStatus).toBe('authenticated');
      expect(after.body.current).toEqual(before.body.current);
      expect(after.body.current).toMatchObject({
        kind: from,
        ...(from === 'individual' ? { fullName: auth.name } : { enterpriseName: auth.name }),
      });
      expect(after.body.pendingApplication).toEqual({
        applicationId: app.applicationId,
        kind,
        status: 'pending',
        submittedAt: app.submittedAt,
        reviewDueBy: app.reviewDueBy,
        overdue: false,
      });
      const view = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) });
      expect(view.body).toMatchObject({
        accountType: from,
        authStatus: 'authenticated',
        ...(from === 'individual' ? { fullName: auth.name } : { enterpriseName: auth.name }),
      });
      expect(await traceNames(account)).toContain(traceName);
    },
  );

  it('R-RA-01: the owner change needs a PDF application form, and every material slot of the right purpose', async () => {
    const { account } = await authenticated('individual');
    const body = await reauthBody(account, 'individual-owner', {}, 'png');
    const wrongPurpose = await verifiedMaterial(account, 'real-name-enterprise', 'png');
    const res = await reauthenticate(account, { ...body, materials: { ...body.materials, previousOwnerCertificate: wrongPurpose } });
    expect([res.status, res.body.code], JSON.stringify(res.body)).toEqual([422, 'MATERIAL_INVALID']);
    expect((res.body.failures as Array<{ slot: string }>).map((f) => f.slot).sort()).toEqual([
      'applicationForm',
      'previousOwnerCertificate',
    ]);
  });

  it('R-RA-01 R-RA-03: refused while payments are overdue; R-RA-03: refused for KooGallery sellers; R-RA-02/04 are not', async () => {
    const { account: owner } = await authenticated('individual');
    await putStanding(owner.accountId, { overduePayments: true });
    const refused = await reauthenticate(owner, await reauthBody(owner, 'individual-owner'));
    expect([refused.status, conditions(refused.body)], JSON.stringify(refused.body)).toEqual([422, ['arrears']]);
    const toEnterprise = await reauthenticate(owner, await reauthBody(owner, 'individual-to-enterprise'));
    expect(toEnterprise.status, JSON.stringify(toEnterprise.body)).toBe(201);

    const { account: entity } = await authenticated('enterprise');
    await putStanding(entity.accountId, { overduePayments: true, kooGallerySeller: true });
    const res = await reauthenticate(entity, await reauthBody(entity, 'enterprise-entity'));
    expect([res.status, conditions(res.body)], JSON.stringify(res.body)).toEqual([422, ['arrears', 'koogallery-seller']]);
  });

  it('R-RA-04: a name change keeps the registration number and changes the name; the statement may be a GIF', async () => {
    const { account, auth } = await authenticated('enterprise');
    const changedNumber = await reauthenticate(account, await reauthBody(account, 'enterprise-name'));
    expect([changedNumber.status, conditions(changedNumber.body)], JSON.stringify(changedNumber.body)).toEqual([
      422,
      ['registration-number-changed'],
    ]);
    const sameName = await reauthenticate(
      account,
      await reauthBody(account, 'enterprise-name', { registrationNumber: auth.number, enterpriseName: auth.name }),
    );
    expect(conditions(sameName.body)).toEqual(['name-unchanged']);
    // The number as people type it (spaces, case) is the same number.
    const typed = `${auth.number.slice(0, 3).toLowerCase()} ${auth.number.slice(3)}`;
    const body = await reauthBody(account, 'enterprise-name', { registrationNumber: typed }, 'gif');
    const { supporting: _optional, ...withoutSupporting } = body.materials;
    const ok = await reauthenticate(account, { ...body, materials: withoutSupporting });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const app = (await loadApplication(ok.body.applicationId as string))!;
    expect(app.details).toMatchObject({
      registrationNumberHash: certificateNumberHash('enterprise', auth.number),
      enterpriseName: 'New Example GmbH',
    });
  });

  it('R-RA-01..04: each kind only from its authentication in force; not authenticated → a first application instead', async () => {
    const { account: person } = await authenticated('individual');
    const wrong = await reauthenticate(person, await reauthBody(person, 'enterprise-entity'));
    expect([wrong.status, conditions(wrong.body)], JSON.stringify(wrong.body)).toEqual([422, ['reauth-kind']]);
    const { account: company } = await authenticated('enterprise');
    const wrong2 = await reauthenticate(company, await reauthBody(company, 'individual-owner'));
    expect(conditions(wrong2.body)).toEqual(['reauth-kind']);
    const fresh = await activeAccount();
    const none = await reauthenticate(fresh, await reauthBody(fresh, 'individual-owner'));
    expect([none.status, conditions(none.body)]).toEqual([422, ['not-authenticated']]);
  });

  it('R-RN-06: the new certificate must be of the account’s country; bad input is 400 listing every field', async () => {
    const { account } = await authenticated('individual');
    const res = await reauthenticate(account, await reauthBody(account, 'individual-to-enterprise', { countryRegion: 'FR' }));
    expect(conditions(res.body)).toEqual(['country-mismatch']);
    const bad = await reauthenticate(account, { kind: 'enterprise-name', materials: {} });
    expect(bad.status).toBe(400);
    const unknown = await reauthenticate(account, { kind: 'individual' });
    expect(unknown.status).toBe(400);
  });

  it('R-RA-05: one pending change at a time; withdrawing it leaves the account authenticated', async () => {
    const { account } = await authenticated('individual');
    const first = await reauthenticate(account, await reauthBody(account, 'individual-owner'));
    expect(first.status).toBe(201);
    const second = await reauthenticate(account, await reauthBody(account, 'individual-to-enterprise'));
    expect([second.status, conditions(second.body)]).toEqual([422, ['application-pending']]);
    expect((await withdraw(account, first.body.applicationId as string)).status).toBe(200);
    const view = await realName(account);
    expect(view.body.authStatus).toBe('authenticated');
    expect(view.body.pendingApplication).toBeUndefined();
    const account2 = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) });
    expect(account2.body.authStatus).toBe('authenticated');
  });

  it('R-RA-06: while a master’s invitation is unaccepted neither the master nor the invited account can re-authenticate', async () => {
    const master = await enabledMaster();
    const invited = await activeAccount();
    await authenticatedAs(master.accountId, 'enterprise');
    await authenticatedAs(invited.accountId, 'individual');
    const sent = await invite(master, invited);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const byMaster = await reauthenticate(master, await reauthBody(master, 'enterprise-entity'));
    expect([byMaster.status, conditions(byMaster.body)], JSON.stringify(byMaster.body)).toEqual([422, ['enterprise-invitation-open']]);
    const byInvited = await reauthenticate(invited, await reauthBody(invited, 'individual-owner'));
    expect(conditions(byInvited.body)).toEqual(['enterprise-invitation-open']);
  });

  it('R-RA-06: a member authenticated with its master’s enterprise information cannot re-authenticate (the master can); another member can', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    const { member: other } = await acceptedMember(master);
    const shared = await authenticatedAs(master.accountId, 'enterprise');
    await authenticatedAs(member.accountId, 'enterprise', { number: shared.number, name: shared.name });
    const own = await authenticatedAs(other.accountId, 'enterprise');
    const byMember = await reauthenticate(member, await reauthBody(member, 'enterprise-name', { registrationNumber: shared.number }));
    expect([byMember.status, conditions(byMember.body)], JSON.stringify(byMember.body)).toEqual([422, ['master-reauthenticates']]);
    const byOther = await reauthenticate(other, await reauthBody(other, 'enterprise-name', { registrationNumber: own.number }));
    expect(byOther.status, JSON.stringify(byOther.body)).toBe(201);
    const byMaster = await reauthenticate(master, await reauthBody(master, 'enterprise-name', { registrationNumber: shared.number }));
    expect(byMaster.status, JSON.stringify(byMaster.body)).toBe(201);
  });
});
