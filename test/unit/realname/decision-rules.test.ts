/**
 * Issue 13 item 7: the decision plan as one table over the six application kinds × approve / reject (R-RN-03,
 * R-RN-04, R-AI-05, R-AI-06, R-RA-01..05).
 */
import { describe, expect, it } from 'vitest';
import { approvalFailures, decisionPlan, memberSyncPlan } from '../../../lib/realname/decision-rules.js';
import type { ApplicationKind, ApprovedAuth, EnterpriseDetails, IndividualDetails } from '../../../lib/realname/model.js';

const person = (hash: string, fullName = 'Li Lei'): IndividualDetails => ({
  certificateType: 'passport',
  fullName,
  issuingCountry: 'DE',
  certificateNumberHash: hash,
  certificateNumberLast4: '1234',
});
const firm = (hash: string, enterpriseName = 'Example GmbH'): EnterpriseDetails => ({
  countryRegion: 'DE',
  registeredAddress: '1 Example Street',
  enterpriseName,
  registrationNumberHash: hash,
  registrationNumberLast4: '9876',
});
const approved = (details: IndividualDetails | EnterpriseDetails): ApprovedAuth => ({
  kind: 'certificateType' in details ? 'individual' : 'enterprise',
  details,
  applicationId: 'ra_old',
  approvedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: '2026-01-01T00:00:00.000Z',
});

const AT = '2026-11-24T10:00:00.000Z';
const REASONS = [
  { code: 'document-unreadable' as const, materialId: 'm_1' },
  { code: 'other' as const, note: 'Blurred' },
];

interface Row {
  rule: string;
  kind: ApplicationKind;
  details: IndividualDetails | EnterpriseDetails;
  accountType: 'unset' | 'individual' | 'enterprise';
  current?: ApprovedAuth;
  firstEnterpriseAuthAt?: string;
  // approve
  set: Record<string, unknown>;
  remove: string[];
  claim?: { kind: string; hash: string };
  release?: { kind: string; hash: string };
  sync?: string;
  // reject
  rejectSet: Record<string, unknown>;
}

const ROWS: Row[] = [
  {
    rule: 'R-RN-03/R-RN-04/R-AI-05: individual first authentication',
    kind: 'individual',
    details: person('P1'),
    accountType: 'unset',
    set: {
      authStatus: 'authenticated',
      accountType: 'individual',
      fullName: 'Li Lei',
      realNameCertificate: { kind: 'individual', hash: 'P1' },
    },
    remove: ['enterpriseName'],
    claim: { kind: 'individual', hash: 'P1' },
    rejectSet: { authStatus: 'unauthenticated' },
  },
  {
    rule: 'R-RN-03/R-RN-04/R-AI-05: enterprise first authentication of an enterprise-type account (first enterprise: members sync, R-RN-07)',
    kind: 'enterprise',
    details: firm('E1'),
    accountType: 'enterprise',
    set: {
      authStatus: 'authenticated',
      accountType: 'enterprise',
      enterpriseName: 'Example GmbH',
      realNameCertificate: { kind: 'enterprise', hash: 'E1' },
    },
    remove: [],
    claim: { kind: 'enterprise', hash: 'E1' },
    sync: 'first-enterprise',
    rejectSet: { authStatus: 'unauthenticated' },
  },
  {
    rule: 'R-RA-01: owner change onto another certificate releases the old number and claims the new one',
    kind: 'individual-owner',
    details: person('P2', 'Han Meimei'),
    accountType: 'individual',
    current: approved(person('P1')),
    set: {
      authStatus: 'authenticated',
      accountType: 'individual',
      fullName: 'Han Meimei',
      realNameCertificate: { kind: 'individual', hash: 'P2' },
    },
    remove: [],
    claim: { kind: 'individual', hash: 'P2' },
    release: { kind: 'individual', hash: 'P1' },
    rejectSet: {},
  },
  {
    rule: 'R-RA-02/R-AI-05: individual → enterprise: type enterprise, full name removed, individual slot released',
    kind: 'individual-to-enterprise',
    details: firm('E2'),
    accountType: 'individual',
    current: approved(person('P1')),
    set: {
      authStatus: 'authenticated',
      accountType: 'enterprise',
      enterpriseName: 'Example GmbH',
      realNameCertificate: { kind: 'enterprise', hash: 'E2' },
    },
    remove: ['fullName'],
    claim: { kind: 'enterprise', hash: 'E2' },
    release: { kind: 'individual', hash: 'P1' },
    sync: 'first-enterprise',
    rejectSet: {},
  },
  {
    rule: 'R-RA-03: entity change onto another registration number (members on the old one follow, R-RA-06)',
    kind: 'enterprise-entity',
    details: firm('E3', 'Other AG'),
    accountType: 'enterprise',
    current: approved(firm('E1')),
    firstEnterpriseAuthAt: '2026-01-01T00:00:00.000Z',
    set: {
      authStatus: 'authenticated',
      accountType: 'enterprise',
      enterpriseName: 'Other AG',
      realNameCertificate: { kind: 'enterprise', hash: 'E3' },
    },
    remove: [],
    claim: { kind: 'enterprise', hash: 'E3' },
    release: { kind: 'enterprise', hash: 'E1' },
    sync: 'reauthentication',
    rejectSet: {},
  },
  {
    rule: 'R-RA-04: name change keeps the registration number: no claim, no release',
    kind: 'enterprise-name',
    details: firm('E1', 'Renamed GmbH'),
    accountType: 'enterprise',
    current: approved(firm('E1')),
    firstEnterpriseAuthAt: '2026-01-01T00:00:00.000Z',
    set: {
      authStatus: 'authenticated',
      accountType: 'enterprise',
      enterpriseName: 'Renamed GmbH',
      realNameCertificate: { kind: 'enterprise', hash: 'E1' },
    },
    remove: [],
    sync: 'reauthentication',
    rejectSet: {},
  },
];

describe('decisionPlan: six kinds × approve / reject (issue 13 item 7)', () => {
  it.each(ROWS)('$rule — approve', (row) => {
    const plan = decisionPlan({
      app: { applicationId: 'ra_new', kind: row.kind, details: row.details, submittedAt: '2026-11-20T00:00:00.000Z' },
      account: { accountType: row.accountType, enterpriseName: 'Before GmbH' },
      state: { current: row.current, firstEnterpriseAuthAt: row.firstEnterpriseAuthAt },
      approve: true,
      reasons: [],
      operatorId: 'op1',
      at: AT,
    });
    expect(plan.decision).toEqual({ status: 'approved', operatorId: 'op1', at: AT });
    expect(plan.accountSet).toEqual(row.set);
    expect(plan.accountRemove).toEqual(row.remove);
    expect(plan.claim).toEqual(row.claim);
    expect(plan.release).toEqual(row.release);
    expect(plan.sync?.mode).toEqual(row.sync);
    // R-RA-05: the submission time is kept with the approved authentication (the billing cut-over).
    expect(plan.state.current).toEqual({
      kind: row.kind === 'individual' || row.kind === 'individual-owner' ? 'individual' : 'enterprise',
      details: row.details,
      applicationId: 'ra_new',
      approvedAt: AT,
      submittedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(plan.state.lastDecision).toMatchObject({ status: 'approved', applicationId: 'ra_new', kind: row.kind });
    expect(plan.state.rejectedMaterialIds).toEqual([]);
    const enterprise = 'registrationNumberHash' in row.details;
    expect(plan.state.firstEnterpriseAuthAt).toBe(row.firstEnterpriseAuthAt ?? (enterprise ? AT : undefined));
  });

  it.each(ROWS)('$rule — reject', (row) => {
    const plan = decisionPlan({
      app: { applicationId: 'ra_new', kind: row.kind, details: row.details, submittedAt: '2026-11-20T00:00:00.000Z' },
      account: { accountType: row.accountType },
      state: { current: row.current, firstEnterpriseAuthAt: row.firstEnterpriseAuthAt },
      approve: false,
      reasons: REASONS,
      operatorId: 'op1',
      at: AT,
    });
    expect(plan.decision).toEqual({ status: 'rejected', operatorId: 'op1', at: AT, reasons: REASONS });
    // A first authentication goes back to unauthenticated; a re-authentication keeps the old one in force (R-RA-05).
    expect(plan.accountSet).toEqual(row.rejectSet);
    expect(plan.accountRemove).toEqual([]);
    expect(plan.state.current).toEqual(row.current);
    expect(plan.state.rejectedMaterialIds).toEqual(['m_1']);
    expect(plan.state.lastDecision).toMatchObject({ status: 'rejected', reasons: REASONS, kind: row.kind });
    expect([plan.claim, plan.release, plan.sync]).toEqual([undefined, undefined, undefined]);
  });

  it('R-RN-07: a member synchronized from its master counts on the master number and leaves its own', () => {
    const master = approved(firm('E9', 'Master AG'));
    expect(memberSyncPlan(master, {}, 'ac_m')).toMatchObject({
      accountSet: { accountType: 'enterprise', enterpriseName: 'Master AG', authStatus: 'authenticated' },
      claim: { kind: 'enterprise', hash: 'E9' },
    });
    const moved = memberSyncPlan(master, { current: approved(firm('E1')) }, 'ac_m');
    expect([moved.claim, moved.release]).toEqual([
      { kind: 'enterprise', hash: 'E9' },
      { kind: 'enterprise', hash: 'E1' },
    ]);
    const same = memberSyncPlan(master, { current: approved(firm('E9')) }, 'ac_m');
    expect([same.claim, same.release]).toEqual([undefined, undefined]);
    expect(same.current.syncedFromAccountId).toBe('ac_m');
  });
});

describe('approvalFailures: R-RA-06 master-reauthenticates judged again at the approval (review R3)', () => {
  const kinds: ApplicationKind[] = [
    'individual',
    'enterprise',
    'individual-owner',
    'individual-to-enterprise',
    'enterprise-entity',
    'enterprise-name',
  ];
  it.each(kinds)('R-RA-06: %s — a member sharing its master’s authentication is refused for re-authentications only', (kind) => {
    const conditions = approvalFailures({ kind, kooGallerySeller: false, invitationOpen: false, sharesMasterAuthentication: true }).map(
      (f) => f.condition,
    );
    const first = kind === 'individual' || kind === 'enterprise';
    expect(conditions).toEqual(first ? [] : ['master-reauthenticates']);
    expect(approvalFailures({ kind, kooGallerySeller: false, invitationOpen: false, sharesMasterAuthentication: false })).toEqual([]);
  });
});
