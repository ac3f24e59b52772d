/**
 * Issue 13 item 7 (R-RN-03, R-RN-04, R-AI-05/06, R-RA-01..05): an operator approves or rejects a pending application.
 * The reasons are checked against the application (each named material must be one of its own: 400). One
 * transaction (./decision-rules.ts makes the plan): the application decided (condition: still pending, version
 * read), the account item (pointer removed, approval effects), the REALNAME state (condition: version read), the
 * certificate slot claimed / released (R-RN-04: a full number → 422 `certificate-limit`, the application stays
 * pending), both queue rows and the review timer deleted, the audit trace on the applicant's traces with the
 * operator, the notice to the applicant. After an approval, the master→member sync (./member-sync.ts).
 * Issue 13 review R2, judged again at an approval: R-RN-05 (an individual result: the account is not in a partner
 * program, held by the transaction), R-RA-06 (a re-authentication: no open enterprise invitation; read, not held —
 * an invitation sent between this read and the commit is not seen), R-RA-03 (an entity change: not a KooGallery
 * seller, the standing version judged held). Review R3, R-RA-06 again for a re-authentication: the account's
 * authentication in force is not its master's (the account's facts and the master's state read, not held — a member
 * joining between this read and the commit is not seen). An approved enterprise name also goes to the account's Enterprise
 * Center profile when it has one (read here; a profile enabled between the read and the commit takes the name the
 * account had when enabling).
 */
import { loadAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { loadFacts, standingIs } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { Conflict, type FieldError, NotFound, RuleViolation, ValidationFailed } from '../core/errors.js';
import { publishNow } from '../core/notify/outbox.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';
import { accountUpdate } from '../accounts/store.js';
import { loadProfile, profileNameSet } from '../enterprise/store.js';
import { PARTNER_PROGRAM_AT_DECISION, type DecisionPlan, approvalFailures, decisionPlan } from './decision-rules.js';
import { enterpriseInvitationOpen, sharesMasterAuthentication } from './enterprise-ties.js';
import { logger } from '../core/logger.js';
import { synchronizeMembers } from './member-sync.js';
import {
  type EnterpriseDetails,
  type RealNameApplication,
  type RealNameState,
  type Reason,
  authKindOf,
  isFirstAuthentication,
  isIndividualDetails,
} from './model.js';
import { realNameNotice } from './notices.js';
import {
  ACCOUNTS_PER_CERTIFICATE,
  applicationKey,
  certificateClaim,
  certificateRelease,
  loadApplication,
  memberSyncDueDelete,
  memberSyncDueItem,
  notPartnerProgram,
  queueRowKeys,
  realNameState,
} from './store.js';
import { notPending } from './withdrawRealNameApplication.js';

export interface DecideInput {
  applicationId: string;
  approve: boolean;
  reasons?: Reason[];
}

/** The slot of each material of the application (the form is `applicationForm`). */
export function slotsOfApplication(app: Pick<RealNameApplication, 'materials' | 'applicationForm'>): Map<string, string> {
  const slots = new Map(Object.entries(app.materials).map(([slot, id]) => [id, slot]));
  if (app.applicationForm) slots.set(app.applicationForm, 'applicationForm');
  return slots;
}

/** 400 problems of the decision against the application (every one listed). */
export function decisionInputErrors(app: Pick<RealNameApplication, 'materials' | 'applicationForm'>, input: DecideInput): FieldError[] {
  const reasons = input.reasons ?? [];
  const errors: FieldError[] = [];
  if (input.approve && reasons.length) errors.push({ path: 'body.reasons', message: 'An approval takes no reasons.' });
  if (!input.approve && !reasons.length) errors.push({ path: 'body.reasons', message: 'A rejection needs at least one reason.' });
  const slots = slotsOfApplication(app);
  reasons.forEach((r, i) => {
    if (r.materialId !== undefined && !slots.has(r.materialId))
      errors.push({ path: `body.reasons.${i}.materialId`, message: 'Not a material of this application.' });
    if (r.code === 'other' && !r.note?.trim())
      errors.push({ path: `body.reasons.${i}.note`, message: 'The reason `other` needs a note saying what is wrong.' });
  });
  return errors;
}

export const certificateLimit = (kind: 'individual' | 'enterprise') =>
  new RuleViolation('NOT_ALLOWED', 'The certificate number already authenticates its maximum of accounts.', [
    {
      condition: 'certificate-limit',
      message: `One ${kind === 'individual' ? 'certificate' : 'registration'} number can authenticate at most ${ACCOUNTS_PER_CERTIFICATE[kind]} accounts (R-RN-04): reject the application with a reason (e.g. other, with a note), or approve it after one of those accounts is disabled.`,
    },
  ]);

function stateWrite(accountId: string, read: RealNameState, plan: DecisionPlan): TransactItem {
  // Fields of the state this decision does not own are kept as read (the write is conditioned on the version read).
  const item: Record<string, unknown> = { ...read, ...keys.realNameState(accountId), accountId, version: read.version + 1 };
  for (const [field, value] of Object.entries(plan.state)) if (value !== undefined) item[field] = value;
  return tagged('state', {
    Put: {
      TableName: TABLE(),
      Item: item,
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(read.version === 0 ? {} : { ExpressionAttributeValues: { ':v': read.version } }),
    },
  });
}

/** Every write of the decision but the audit trace and the notice. */
export function decisionWrites(app: RealNameApplication, read: RealNameState, plan: DecisionPlan): TransactItem[] {
  const rows = queueRowKeys(app);
  return [
    tagged('application', {
      Update: {
        TableName: TABLE(),
        Key: applicationKey(app.applicationId),
        UpdateExpression: 'SET #status = :status, decision = :decision, version = version + :one',
        ConditionExpression: '#status = :pending AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': plan.decision.status,
          ':decision': plan.decision,
          ':pending': 'pending',
          ':version': app.version,
          ':one': 1,
        },
      },
    }),
    accountUpdate({ accountId: app.accountId, version: 0 }, plan.accountSet, {
      read: [],
      remove: ['realNamePending', ...plan.accountRemove],
      condition: 'realNamePending.applicationId = :appId',
      values: { ':appId': app.applicationId },
    }),
    stateWrite(app.accountId, read, plan),
    ...(plan.claim ? [certificateClaim(plan.claim.kind, plan.claim.hash, app.accountId)] : []),
    ...(plan.release ? [tagged('certificate-release', certificateRelease(plan.release.kind, plan.release.hash, app.accountId))] : []),
    { Delete: { TableName: TABLE(), Key: rows.pending } },
    { Delete: { TableName: TABLE(), Key: rows.overdue } },
    { Delete: { TableName: TABLE(), Key: rows.due } },
  ];
}

export async function decideRealNameApplication(caller: OperatorCaller, input: DecideInput) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const app = await loadApplication(input.applicationId);
    if (!app) throw new NotFound('No such application.');
    const errors = decisionInputErrors(app, input);
    if (errors.length) throw new ValidationFailed(errors);
    if (app.status !== 'pending') throw notPending();
    const time = now();
    const at = time.toISOString();
    const authKind = authKindOf(app.kind);
    // Issue 13 review R2: what an approval judges again (reads only what the kind needs; a rejection reads nothing more).
    const [account, state, facts, invitationOpen, profile] = await Promise.all([
      loadAccount(app.accountId),
      realNameState(app.accountId),
      input.approve && !isFirstAuthentication(app.kind) ? loadFacts(app.accountId) : undefined,
      input.approve && !isFirstAuthentication(app.kind) ? enterpriseInvitationOpen(app.accountId, time) : false,
      input.approve && authKind === 'enterprise' ? loadProfile(app.accountId) : undefined,
    ]);
    if (input.approve) {
      const failures = approvalFailures({
        kind: app.kind,
        kooGallerySeller: facts?.standing.kooGallerySeller === true,
        invitationOpen,
        sharesMasterAuthentication: facts ? await sharesMasterAuthentication(state, facts.masterAccountId) : false,
      });
      if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'The application cannot be approved now.', failures);
    }
    const held: TransactItem[] = input.approve
      ? [
          ...(authKind === 'individual' ? [notPartnerProgram(app.accountId)] : []),
          ...(facts && app.kind === 'enterprise-entity' ? [standingIs(app.accountId, facts.standingVersion)] : []),
          // The approved (authenticated) enterprise name is the one Enterprise Center shows (R-AI-06, R-RA-04).
          ...(profile ? [profileNameSet(app.accountId, (app.details as EnterpriseDetails).enterpriseName)] : []),
        ]
      : [];
    const plan = decisionPlan({
      app,
      account,
      state,
      approve: input.approve,
      reasons: input.reasons ?? [],
      operatorId: caller.operatorId,
      at,
    });
    // R-RN-07 (review R2 item 9): a master's (an account with an Enterprise Center profile) member sync is a due row
    // until done, so a function dying after the commit leaves it to the scheduler.
    const durableSync = plan.sync !== undefined && profile !== undefined;
    if (durableSync && plan.sync) held.push(memberSyncDueItem(app, { ...plan.sync }, at));
    const slots = slotsOfApplication(app);
    const name = isIndividualDetails(app.details) ? app.details.fullName : app.details.enterpriseName;
    const notice = input.approve
      ? realNameNotice('realname-approved', { applicationId: app.applicationId, kind: app.kind, at, name }, account)
      : realNameNotice(
          'realname-rejected',
          {
            applicationId: app.applicationId,
            kind: app.kind,
            at,
            reasons: (input.reasons ?? [])
              .map((r) => [r.code, r.materialId ? slots.get(r.materialId) : undefined, r.note].filter(Boolean).join(': '))
              .join('; '),
          },
          account,
        );
    try {
      await transact([
        ...decisionWrites(app, state, plan),
        ...held,
        auditWrite({
          accountId: app.accountId,
          traceName: 'decideRealNameApplication',
          request: caller.origin,
          result: 'success',
          actor: actorOf(caller),
          changes: [
            { field: 'realNameApplication', old: 'pending', new: plan.decision.status },
            { field: 'realNameApplicationKind', new: app.kind },
            ...(plan.decision.reasons?.length
              ? [{ field: 'realNameRejectReasons', new: plan.decision.reasons.map((r) => r.code).join(',') }]
              : []),
          ],
        }),
        notice.write,
      ]);
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failed('certificate') && plan.claim) throw certificateLimit(plan.claim.kind);
      if (error.failed('partner-program'))
        throw new RuleViolation('NOT_ALLOWED', 'The application cannot be approved now.', [PARTNER_PROGRAM_AT_DECISION]);
      const fresh = await loadApplication(app.applicationId);
      if (fresh?.status !== 'pending') throw notPending();
      continue; // overdue marking, a changed account or state: judge again on a fresh read
    }
    await publishNow([notice.pending]);
    if (plan.sync && plan.state.current) {
      try {
        const results = await synchronizeMembers(caller, app.accountId, plan.state.current, plan.sync);
        if (durableSync && !results.some((r) => r.failed)) await memberSyncDueDelete(app.applicationId);
      } catch (error) {
        // The approval stands; the due row (if any) makes the scheduler finish the sync.
        logger.warn('real-name member sync left to the scheduler', { applicationId: app.applicationId, error: (error as Error).name });
      }
    }
    return { applicationId: app.applicationId, status: plan.decision.status };
  }
  throw new Conflict('STATE_CONFLICT', 'The application or its account kept changing; try again.');
}
