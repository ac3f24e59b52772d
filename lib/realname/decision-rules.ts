/**
 * Issue 13 item 7: what an operator's decision on a real-name application changes, as a plan (record in, decision
 * out; like lib/accounts/info-rules.ts). Pure: the use case turns the plan into one transaction.
 * - approve (R-RN-03): the account becomes authenticated with the application's kind and name (R-AI-05/06 then fix
 *   them), the approved data becomes `current`; the certificate slot of the new number is claimed (R-RN-04) unless the
 *   account already counts on it (an enterprise-name change keeps its number, R-RA-04); a re-authentication onto
 *   another number releases the old slot (R-RA-01..03); the master→member sync to do after (R-RN-07, R-RA-06).
 * - reject: `lastDecision` with the reasons, `rejectedMaterialIds` (the applicant resubmits only those); a first
 *   authentication's account goes back to unauthenticated; a re-authentication leaves the old authentication in
 *   force (R-RA-05).
 */
import type { Failure } from '../core/errors.js';
import type { CertificateKind } from './store.js';
import {
  type ApprovedAuth,
  type Decision,
  type EnterpriseDetails,
  type RealNameApplication,
  type RealNameState,
  type Reason,
  authKindOf,
  isFirstAuthentication,
  isIndividualDetails,
} from './model.js';

export interface Certificate {
  kind: CertificateKind;
  hash: string;
}

export interface DecisionInput {
  app: Pick<RealNameApplication, 'applicationId' | 'kind' | 'details' | 'submittedAt'>;
  account: { accountType: 'unset' | 'individual' | 'enterprise'; enterpriseName?: string };
  state: Pick<RealNameState, 'current' | 'firstEnterpriseAuthAt'>;
  approve: boolean;
  reasons: readonly Reason[];
  operatorId: string;
  at: string;
}

/** What happens to the account's members after an approval (done after the decision, one transaction per member). */
export type MemberSync =
  | { mode: 'first-enterprise'; masterNameBefore: string | undefined; approvedName: string }
  | { mode: 'reauthentication'; previousHash: string };

export interface DecisionPlan {
  decision: Decision;
  /** Fields set on the account item (`realNamePending` is always removed). */
  accountSet: Record<string, unknown>;
  accountRemove: string[];
  /** The REALNAME state after the decision (besides accountId / version). */
  state: Pick<RealNameState, 'current' | 'lastDecision' | 'rejectedMaterialIds' | 'firstEnterpriseAuthAt'>;
  claim?: Certificate;
  release?: Certificate;
  sync?: MemberSync;
}

/** The certificate an authentication counts on. */
export function certificateOf(auth: Pick<ApprovedAuth, 'details'>): Certificate {
  return isIndividualDetails(auth.details)
    ? { kind: 'individual', hash: auth.details.certificateNumberHash }
    : { kind: 'enterprise', hash: auth.details.registrationNumberHash };
}

const sameCertificate = (a: Certificate | undefined, b: Certificate | undefined) =>
  a !== undefined && b !== undefined && a.kind === b.kind && a.hash === b.hash;

/** The name field of each kind of account (and the one removed when the type changes). */
const NAME_FIELD = { individual: 'fullName', enterprise: 'enterpriseName' } as const;

export function decisionPlan(input: DecisionInput): DecisionPlan {
  const { app, state, at } = input;
  const reasons = input.approve ? [] : [...input.reasons];
  const decision: Decision = {
    status: input.approve ? 'approved' : 'rejected',
    operatorId: input.operatorId,
    at,
    ...(reasons.length ? { reasons } : {}),
  };
  const lastDecision = { ...decision, applicationId: app.applicationId, kind: app.kind };

  if (!input.approve) {
    const refused = [...new Set(reasons.flatMap((r) => (r.materialId ? [r.materialId] : [])))];
    return {
      decision,
      // A first authentication goes back to unauthenticated; a re-authentication leaves the old one in force (R-RA-05).
      accountSet: isFirstAuthentication(app.kind) ? { authStatus: 'unauthenticated' } : {},
      accountRemove: [],
      state: {
        current: state.current,
        lastDecision,
        rejectedMaterialIds: refused,
        firstEnterpriseAuthAt: state.firstEnterpriseAuthAt,
      },
    };
  }

  const authKind = authKindOf(app.kind);
  const approved: ApprovedAuth = {
    kind: authKind,
    details: app.details,
    applicationId: app.applicationId,
    approvedAt: at,
    submittedAt: app.submittedAt,
  };
  const next = certificateOf(approved);
  const previous = state.current ? certificateOf(state.current) : undefined;
  const keepsNumber = sameCertificate(previous, next);
  const name = isIndividualDetails(app.details) ? app.details.fullName : app.details.enterpriseName;
  const other = authKind === 'individual' ? NAME_FIELD.enterprise : NAME_FIELD.individual;
  const firstEnterprise = authKind === 'enterprise' && !state.firstEnterpriseAuthAt;
  const sync: MemberSync | undefined = firstEnterprise
    ? {
        mode: 'first-enterprise',
        masterNameBefore: input.account.enterpriseName,
        approvedName: (app.details as EnterpriseDetails).enterpriseName,
      }
    : authKind === 'enterprise' && previous?.kind === 'enterprise'
      ? { mode: 'reauthentication', previousHash: previous.hash }
      : undefined;
  return {
    decision,
    accountSet: {
      authStatus: 'authenticated',
      accountType: authKind,
      [NAME_FIELD[authKind]]: name,
      realNameCertificate: next,
    },
    // The other kind's name goes when the type changes (an individual becoming an enterprise, R-RA-02).
    accountRemove: input.account.accountType !== authKind ? [other] : [],
    state: {
      current: approved,
      lastDecision,
      rejectedMaterialIds: [],
      firstEnterpriseAuthAt: firstEnterprise ? at : state.firstEnterpriseAuthAt,
    },
    ...(keepsNumber ? {} : { claim: next }),
    ...(previous && !keepsNumber ? { release: previous } : {}),
    ...(sync ? { sync } : {}),
  };
}

/** What a synchronized member gets (R-RN-07, R-RA-06): the master's approved enterprise authentication. */
export function memberSyncPlan(
  master: ApprovedAuth,
  member: { current?: ApprovedAuth },
  masterAccountId: string,
): {
  current: ApprovedAuth & { syncedFromAccountId: string };
  accountSet: Record<string, unknown>;
  claim?: Certificate;
  release?: Certificate;
} {
  const next = certificateOf(master);
  const previous = member.current ? certificateOf(member.current) : undefined;
  const keepsNumber = sameCertificate(previous, next);
  return {
    current: { ...master, syncedFromAccountId: masterAccountId },
    accountSet: {
      authStatus: 'authenticated',
      accountType: 'enterprise',
      enterpriseName: (master.details as EnterpriseDetails).enterpriseName,
      realNameCertificate: next,
    },
    ...(keepsNumber ? {} : { claim: next }),
    ...(previous && !keepsNumber ? { release: previous } : {}),
  };
}

/** What an approval is judged on again at the decision (facts that may have changed while the application waited). */
export interface ApprovalFacts {
  kind: RealNameApplication['kind'];
  /** R-RA-03: the account is a KooGallery seller now (judged for `enterprise-entity` only). */
  kooGallerySeller: boolean;
  /** R-RA-06: the account has an unaccepted, unexpired enterprise invitation (judged for re-authentications only). */
  invitationOpen: boolean;
  /**
   * R-RA-06 (review R3): the account's authentication in force is its master's (same registration number; judged for
   * re-authentications only). Joining a master knows nothing of a pending application, so it is judged again here.
   */
  sharesMasterAuthentication: boolean;
}

/** R-RN-05 at the decision (the partner-program fact is held by the decision transaction, tag `partner-program`). */
export const PARTNER_PROGRAM_AT_DECISION: Failure = {
  condition: 'partner-program',
  message:
    'The account joined a partner program while the application waited (R-RN-05: only enterprise authentication then): reject it (reason other, with a note) so the customer applies as an enterprise.',
};

/**
 * Issue 13 review R2: the conditions of a re-authentication that may stop holding after the submission, judged again
 * when an operator approves (a rejection is always possible). Arrears after the submission are NOT a refusal: from
 * the submission time on the new owner / entity takes the bills over (R-RA-05), so arrears incurred while it waits
 * are the new entity's to pay.
 */
export function approvalFailures(f: ApprovalFacts): Failure[] {
  const failures: Failure[] = [];
  if (f.kind === 'enterprise-entity' && f.kooGallerySeller)
    failures.push({
      condition: 'koogallery-seller',
      message:
        'The account became a KooGallery seller while the entity change waited (R-RA-03: refused for KooGallery sellers): reject the application.',
    });
  if (!isFirstAuthentication(f.kind) && f.invitationOpen)
    failures.push({
      condition: 'enterprise-invitation-open',
      message:
        'The account has an enterprise invitation waiting for an answer (R-RA-06): approve once it is accepted, rejected, canceled or expired, or reject the application.',
    });
  if (!isFirstAuthentication(f.kind) && f.sharesMasterAuthentication)
    failures.push({
      condition: 'master-reauthenticates',
      message:
        "The account joined a master authenticated with the same enterprise while the application waited (R-RA-06: only the master can re-authenticate, and the change syncs to the member): reject the application, or approve it once the account is no longer the master's member.",
    });
  return failures;
}
