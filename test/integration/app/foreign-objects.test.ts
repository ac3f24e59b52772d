/**
 * R-SEC-05 (issue 9 item 8): an object of another account answers 404, exactly like one that does not
 * exist, wherever it is referred to: a closure check, a verification challenge, a material used as proof.
 * Using it must not change it either (no attempt spent on another account's code).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as taxHandler } from '../../../functions/accounts/changeTaxInfo.js';
import { handler as checkHandler } from '../../../functions/closure/runClosureCheck.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import type { RouteSpec } from '../../../lib/core/http/route.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { loadMember } from '../../../lib/enterprise/store.js';
import { declaredFunctions, root } from '../../../scripts/lib/functions.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount, close, runCheck } from '../../support/closure.js';
import { type TestAccount, type TestMaster, acceptedMember, enabledMaster, invite } from '../../support/enterprise.js';
import { pendingDisassociation } from '../../support/enterprise-views.js';
import { type Handler, invoke } from '../../support/http.js';
import { bearer, verificationFor } from '../../support/identity.js';
import { verifiedMaterial } from '../../support/materials.js';
import {
  applied,
  authenticatedAs,
  decideApplication,
  verifiedMaterial as realNameMaterial,
  reauthMaterialsFor,
  reauthenticate,
  withdraw,
} from '../../support/realname.js';
import { handler as decideRealNameHandler } from '../../../functions/realname/decideRealNameApplication.js';

const challengeAttempts = async (challengeId: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.challenge(challengeId), ConsistentRead: true }))).Item?.attempts;

describe("another account's objects answer 404 (R-SEC-05, issue 9 item 8)", () => {
  it("R-SEC-05 closing with another account's passed checkId answers 404 and leaves that check unused", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const check = await runCheck(owner);
    expect(check.body.passed).toBe(true);
    const res = await close(other.token, check.body.checkId);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain(check.body.checkId);
    expect((await close(owner.token, check.body.checkId)).status).toBe(200);
  });

  it('R-SEC-05 a checkId that never existed answers the same 404', async () => {
    const account = await activeAccount();
    const res = await close(account.token, 'ck_does_not_exist');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it("R-SEC-05 another account's verification challenge answers 404, even with its right code, and spends none of its attempts", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const verification = await verificationFor('close-services', 'email', owner.email, { token: owner.token });
    const runCheckAs = (token: string) =>
      invoke(checkHandler, {
        method: 'POST',
        path: '/v1/closure/checks',
        headers: bearer(token),
        body: { acceptTerms: true, reason: 'no-longer-needed', verification },
      });
    const res = await runCheckAs(other.token);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(await challengeAttempts(verification.challengeId)).toBe(0);
    // The owner's code still works: nothing of it was spent.
    const own = await runCheckAs(owner.token);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });

  it('R-SEC-05 an own challenge with a wrong code still answers 401 INVALID_CODE (only foreign or unknown is 404)', async () => {
    const owner = await activeAccount();
    const verification = await verificationFor('close-services', 'email', owner.email, { token: owner.token });
    const wrong = verification.code === '000000' ? '111111' : '000000';
    const res = await invoke(checkHandler, {
      method: 'POST',
      path: '/v1/closure/checks',
      headers: bearer(owner.token),
      body: { acceptTerms: true, reason: 'no-longer-needed', verification: { ...verification, code: wrong } },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CODE');
  });

  it("R-SEC-05 another account's verified material used as the tax-info proof answers 404", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const materialId = await verifiedMaterial(owner.token);
    const body = { qualificationName: 'vat-registered', taxId: 'DE123456789', qualificationProof: materialId };
    const foreign = await invoke(taxHandler, { method: 'PUT', path: '/v1/account/tax-info', headers: bearer(other.token), body });
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const own = await invoke(taxHandler, { method: 'PUT', path: '/v1/account/tax-info', headers: bearer(owner.token), body });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 12: every enterprise route as an intruder (BOLA). A master route (`/v1/enterprise/...`) called by an
// account that is no master → 403; by another master on this master's invitation, member or request → 404; a
// member route (`/v1/master-account...`) called by another member (or by the master, whose side of a request is no
// way in) on this pair's invitation or request → 404. Routes without a reference answer nothing of this pair.

type EnterpriseWorld = {
  master: TestMaster;
  member: TestAccount;
  invitationId: string;
  requestId: string;
  otherMaster: TestMaster;
  otherMember: TestAccount;
  plain: TestAccount;
  code: string;
  challengeId: string;
};
interface EnterpriseCall {
  params?: (w: EnterpriseWorld) => Record<string, string>;
  body?: (w: EnterpriseWorld) => object;
}
/**
 * One entry per enterprise route (a new route without one fails below). Entries of routes that other issue-12 items
 * add (disassociation, created members) are kept here so the table holds as soon as they land.
 */
const ENTERPRISE_CALLS: Record<string, EnterpriseCall> = {
  enableEnterpriseCenter: {},
  inviteEnterpriseMember: { body: (w) => ({ memberAccountId: w.plain.accountId, accountingMode: 'unified' }) },
  cancelEnterpriseInvitation: { params: (w) => ({ invitationId: w.invitationId }) },
  listEnterpriseInvitations: {},
  decideEnterpriseInvitation: { params: (w) => ({ invitationId: w.invitationId }), body: () => ({ accept: false }) },
  getMasterAccount: {},
  setMasterPermissions: { body: () => ({ permissions: [] }) },
  listMasterAccountRecords: {},
  listEnterpriseMembers: {},
  getMemberOrderWindows: { params: (w) => ({ memberId: w.member.accountId }) },
  listEnterpriseRecords: {},
  requestMemberDisassociation: { params: (w) => ({ memberId: w.member.accountId }) },
  cancelMemberDisassociation: { params: (w) => ({ requestId: w.requestId }) },
  decideMemberDisassociation: { params: (w) => ({ requestId: w.requestId }), body: () => ({ accept: false }) },
  createEnterpriseMember: {
    body: (w) => ({
      countryRegion: 'DE',
      email: `created-${w.plain.accountId.slice(-8).toLowerCase()}@example.com`,
      password: 'Correct-Horse-42',
      verification: { challengeId: w.challengeId, code: w.code },
      accountingMode: 'unified',
    }),
  },
};

const enterpriseRoutes = allRoutes.filter((r) => r.tags?.includes('enterprise') || /^\/v1\/(enterprise|master-account)/.test(r.path));
const isMasterRoute = (r: RouteSpec) => r.path.startsWith('/v1/enterprise/');
const isMemberRoute = (r: RouteSpec) => r.path.startsWith('/v1/master-account');
const functionFiles = new Map(declaredFunctions().map((fn) => [fn.name, fn.entry]));
const enterpriseHandler = async (route: RouteSpec): Promise<Handler> =>
  (await import(pathToFileURL(join(root, functionFiles.get(route.operationId)!)).href)).handler as Handler;

function callAs(route: RouteSpec, w: EnterpriseWorld, token: string) {
  const call = ENTERPRISE_CALLS[route.operationId]!;
  const params = call.params?.(w) ?? {};
  return {
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, (_m, p: string) => params[p] ?? p),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    headers: bearer(token),
    ...(call.body ? { body: call.body(w) } : {}),
  };
}

describe('issue 12: every enterprise route as an intruder (R-SEC-05, R-MM-01/02/07)', () => {
  let w: EnterpriseWorld;
  let pairIds: string[];
  beforeAll(async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: ['view-bills'] });
    const plain = await activeAccount();
    const invited = await invite(master, await activeAccount());
    expect(invited.status).toBe(201);
    const requestId = await pendingDisassociation(master.accountId, member.accountId);
    const otherMaster = await enabledMaster();
    const { member: otherMember } = await acceptedMember(otherMaster);
    const signupEmail = `owner-${plain.accountId.slice(-8).toLowerCase()}@example.com`;
    const verification = await verificationFor('signup', 'email', signupEmail, { destination: signupEmail });
    w = { master, member, invitationId: invited.body.invitationId, requestId, otherMaster, otherMember, plain, ...verification };
    pairIds = [master.accountId, member.accountId, invited.body.invitationId, requestId];
  }, 120_000);

  it('every enterprise route is in the table, and the table has routes of both sides', () => {
    expect(enterpriseRoutes.map((r) => r.operationId).filter((id) => !ENTERPRISE_CALLS[id])).toEqual([]);
    expect(enterpriseRoutes.filter(isMasterRoute).length).toBeGreaterThan(3);
    expect(enterpriseRoutes.filter(isMemberRoute).length).toBeGreaterThan(2);
  });

  const masterRoutes = () => enterpriseRoutes.filter(isMasterRoute);
  it.each(enterpriseRoutes.filter(isMasterRoute).map((r) => [`${r.method} ${r.path}`, r] as const))(
    'R-MM-01: %s — a non-master (also the member) is refused 403; another master gets 404 on this master’s objects',
    async (_name, route) => {
      expect(masterRoutes()).toContain(route);
      const handler = await enterpriseHandler(route);
      for (const caller of [w.plain, w.member]) {
        const res = await invoke(handler, callAs(route, w, caller.token));
        expect(res.status, `${caller === w.plain ? 'plain' : 'member'}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const res = await invoke(handler, callAs(route, w, w.otherMaster.token));
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (/\{\w+\}/.test(route.path)) {
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect(pairIds.filter((id) => JSON.stringify(res.body ?? '').includes(id))).toEqual([]);
    },
  );

  it.each(enterpriseRoutes.filter(isMemberRoute).map((r) => [`${r.method} ${r.path}`, r] as const))(
    'R-MM-07: %s — another member (and the master, on its own request) gets 404 on this pair’s objects, never their data',
    async (_name, route) => {
      const handler = await enterpriseHandler(route);
      const callers = /\{\w+\}/.test(route.path) ? [w.otherMember, w.otherMaster, w.master] : [w.otherMember, w.otherMaster];
      for (const caller of callers) {
        const res = await invoke(handler, callAs(route, w, caller.token));
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (/\{\w+\}/.test(route.path)) {
          expect(res.status, JSON.stringify(res.body)).toBe(404);
          expect(res.body.code).toBe('NOT_FOUND');
        }
        expect(pairIds.filter((id) => JSON.stringify(res.body ?? '').includes(id))).toEqual([]);
      }
    },
  );

  it('R-MM-07: after the intruders, the invitation and the disassociation request are still pending and the member still associated', async () => {
    expect((await loadHandshake(w.invitationId))?.state).toBe('pending');
    expect((await loadHandshake(w.requestId))?.state).toBe('pending');
    expect(await loadMember(w.master.accountId, w.member.accountId)).toMatchObject({ permissions: ['view-bills'], version: 1 });
  });
});

describe('issue 13: real-name applications of another account (R-SEC-05)', () => {
  it("R-SEC-05 withdrawing another account's pending application answers 404 like an unknown one, and changes nothing", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const { applicationId } = await applied(owner, 'individual');
    const read = async () => ({
      application: (
        await db().send(new GetCommand({ TableName: TABLE(), Key: keys.realNameApplication(applicationId), ConsistentRead: true }))
      ).Item,
      account: (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(owner.accountId), ConsistentRead: true }))).Item,
    });
    const before = await read();
    const foreign = await withdraw(other, applicationId);
    const unknown = await withdraw(other, `${applicationId.slice(0, -6)}zzzzzz`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(foreign.body.detail).toBe(unknown.body.detail);
    expect(JSON.stringify(foreign.body)).not.toContain(owner.accountId);
    expect(await read()).toEqual(before);
  });

  it("R-SEC-05 R-RA-01: a re-authentication naming another account's materials is refused exactly like unknown IDs, slot by slot, and changes nothing", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    await authenticatedAs(other.accountId, 'individual');
    const { materials, applicationForm } = await reauthMaterialsFor(owner, 'individual-owner');
    const body = {
      kind: 'individual-owner',
      certificateType: 'passport',
      fullName: 'Intruder',
      certificateNumber: 'P7654321',
      issuingCountry: 'DE',
    };
    const unknownId = (id: string) => `${id.slice(0, -6)}zzzzzz`;
    const read = async () =>
      (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(owner.accountId), ConsistentRead: true }))).Item;
    const before = await read();
    const foreign = await reauthenticate(other, { ...body, materials, applicationForm });
    const unknown = await reauthenticate(other, {
      ...body,
      materials: Object.fromEntries(Object.entries(materials).map(([slot, id]) => [slot, unknownId(id)])),
      applicationForm: unknownId(applicationForm),
    });
    expect([foreign.status, foreign.body.code], JSON.stringify(foreign.body)).toEqual([422, 'MATERIAL_INVALID']);
    expect(foreign.body.failures).toEqual(unknown.body.failures);
    expect((foreign.body.failures as Array<{ slot: string }>).map((f) => f.slot).sort()).toEqual([
      'applicationForm',
      'certificatePage',
      'holdingPhoto',
      'previousOwnerCertificate',
    ]);
    expect(JSON.stringify(foreign.body)).not.toContain(owner.accountId);
    expect(await read()).toEqual(before);
  });
});

describe('issue 13 item 7: the operator decision route and objects of another account (R-SEC-05)', () => {
  it("R-SEC-05 a customer cannot decide an application (its own included: 401), and an operator's reason cannot name another account's material (400); nothing changes", async () => {
    const [owner, other] = await Promise.all([activeAccount(), activeAccount()]);
    const { applicationId } = await applied(owner, 'individual');
    const othersMaterial = await realNameMaterial(other, 'real-name-individual');
    const read = async () => ({
      application: (
        await db().send(new GetCommand({ TableName: TABLE(), Key: keys.realNameApplication(applicationId), ConsistentRead: true }))
      ).Item,
      account: (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(owner.accountId), ConsistentRead: true }))).Item,
    });
    const before = await read();
    for (const session of [owner, other]) {
      const res = await invoke(decideRealNameHandler, {
        method: 'POST',
        path: `/v1/ops/real-name/applications/${applicationId}/decision`,
        pathParameters: { applicationId },
        headers: bearer(session.token),
        body: { approve: true },
      });
      expect(res.status).toBe(401);
    }
    const foreign = await decideApplication(applicationId, {
      approve: false,
      reasons: [{ code: 'document-unreadable', materialId: othersMaterial }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.reasons.0.materialId']);
    expect(await read()).toEqual(before);
  });
});
