/**
 * Account information (R-AI-02..07, R-AI-10, R-AI-11): each change is one conditional transaction on
 * the account's version, with its audit trace; uniqueness claims move in the same transaction.
 */
import { auditWrite, type Change, type TraceName } from '../core/audit/audit.js';
import { now } from '../core/clock.js';
import { Conflict, RuleViolation, ValidationFailed } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import type { ClaimKind } from '../core/store/keys.js';
import { ConditionFailed, type TransactItem, TransactionConflict, transact } from '../core/store/writes.js';
import { type AccountItem, accountUpdate, claimDelete, claimPut, requireAccount, staleAccount } from './account.js';
import { industryProblems } from './catalogues.js';
import { noticeContactChanged } from './service-contact.js';
import { nameEditFailures, tenantNameQuota, typeMoveFailures } from './info-rules.js';
import { claimValue, loginIdProblems, tenantNameProblems } from './rules.js';
import { servicesClosed } from '../core/messages.js';

/** Accounts whose information may change: not closed (R-CL-10), not disabled. */
export const EDITABLE: AccountItem['status'][] = ['registered', 'active'];

function assertEditable(account: AccountItem): void {
  if (!EDITABLE.includes(account.status)) {
    throw servicesClosed();
  }
}

function invalid(field: string, messages: string[]): void {
  if (messages.length) throw new ValidationFailed(messages.map((message) => ({ path: `body.${field}`, message })));
}

interface Plan {
  set: Record<string, unknown>;
  remove?: string[];
  extra?: TransactItem[];
  changes: Change[];
}

/**
 * Reads the account, lets `plan` decide (throwing rule violations), then commits the change with its
 * trace. A concurrent change of the same account makes the version condition fail: read and decide again,
 * so quotas are judged on fresh data.
 */
async function changeAccount(
  session: Session,
  request: RequestInfo,
  traceName: TraceName,
  plan: (account: AccountItem) => Plan,
  onExtraFailed?: (failed: number[]) => Error | undefined,
): Promise<AccountItem> {
  for (let attempt = 1; ; attempt += 1) {
    const account = await requireAccount(session.accountId);
    assertEditable(account);
    const p = plan(account);
    try {
      await transact([
        accountUpdate(account, p.set, { remove: p.remove, expectStatus: EDITABLE }),
        auditWrite({ accountId: account.accountId, traceName, request, result: 'success', changes: p.changes }),
        ...(p.extra ?? []),
      ]);
      return { ...account, ...p.set };
    } catch (error) {
      if (error instanceof TransactionConflict) {
        if (attempt >= 5) throw staleAccount();
        continue;
      }
      if (!(error instanceof ConditionFailed)) throw error;
      const extraFailed = error.failedItems().filter((i) => i >= 2).map((i) => i - 2);
      const mapped = extraFailed.length ? onExtraFailed?.(extraFailed) : undefined;
      if (mapped) throw mapped;
      if (attempt >= 5) throw staleAccount();
    }
  }
}

function moveClaim(kind: ClaimKind, oldValue: string, newValue: string, accountId: string): TransactItem[] {
  return oldValue === newValue ? [] : [claimPut(kind, newValue, accountId), claimDelete(kind, oldValue, accountId)];
}

/** R-AI-02, R-AI-03: 3 changes per rolling year; the old name is released (IAM login by it stops). */
export async function changeTenantName(session: Session, tenantName: string, request: RequestInfo) {
  invalid('tenantName', tenantNameProblems(tenantName));
  let left = 0;
  const updated = await changeAccount(
    session,
    request,
    'changeTenantName',
    (account) => {
      if (account.tenantName === tenantName) throw new Conflict('STATE_CONFLICT', 'This is already the tenant name.');
      const at = now();
      const quota = tenantNameQuota((account.tenantNameChanges as string[] | undefined) ?? [], at);
      if (quota.left === 0) {
        throw new RuleViolation('QUOTA_EXCEEDED', 'The tenant name can change 3 times per year.', [
          { condition: 'tenant-name-changes', message: `No changes left; the next is possible from ${quota.nextAllowedAt}.` },
        ]);
      }
      left = quota.left - 1;
      return {
        set: { tenantName, tenantNameChanges: [...quota.recent, at.toISOString()] },
        extra: moveClaim('TENANT', claimValue.name(account.tenantName), claimValue.name(tenantName), account.accountId),
        changes: [{ field: 'tenantName', old: account.tenantName, new: tenantName }],
      };
    },
    (failed) => (failed.includes(0) ? new Conflict('TENANT_NAME_TAKEN', 'This tenant name is taken.') : undefined),
  );
  return { tenantName: updated.tenantName, changesLeftThisYear: left };
}

/** R-AI-04: the login ID can change once. */
export async function changeLoginId(session: Session, loginId: string, request: RequestInfo) {
  invalid('loginId', loginIdProblems(loginId));
  const updated = await changeAccount(
    session,
    request,
    'changeLoginId',
    (account) => {
      if (account.loginIdChanged) {
        throw new RuleViolation('NOT_ALLOWED', 'The login ID can be changed only once.', [
          { condition: 'login-id-changed', message: 'The login ID was already changed once; it is final.' },
        ]);
      }
      return {
        set: { loginId, loginIdChanged: true },
        extra: moveClaim('LOGINID', claimValue.name(account.loginId), claimValue.name(loginId), account.accountId),
        changes: [{ field: 'loginId', old: account.loginId, new: loginId }],
      };
    },
    (failed) => (failed.includes(0) ? new Conflict('LOGIN_ID_TAKEN', 'This login ID is taken.') : undefined),
  );
  await noticeContactChanged(updated, 'loginId'); // R-AI-13
  return { loginId: updated.loginId };
}

/** R-AI-05: the type moves only along the table in info-rules.ts; the name goes with it. */
export async function changeAccountType(session: Session, input: { accountType: 'individual' | 'enterprise'; name: string }, request: RequestInfo) {
  const nameField = input.accountType === 'individual' ? 'fullName' : 'enterpriseName';
  await changeAccount(session, request, 'changeAccountType', (account) => {
    const failures = typeMoveFailures(account.accountType, input.accountType, account.authStatus);
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'This account type change is not allowed.', failures);
    return {
      set: { accountType: input.accountType, [nameField]: input.name },
      changes: [
        { field: 'accountType', old: account.accountType, new: input.accountType },
        { field: nameField, old: account[nameField], new: input.name },
      ],
    };
  });
  return { accountType: input.accountType, [nameField]: input.name } as { accountType: typeof input.accountType; fullName?: string; enterpriseName?: string };
}

/** R-AI-06: names are editable only while not authenticated, and must fit the account type. */
export async function changeNames(session: Session, input: { fullName?: string; enterpriseName?: string }, request: RequestInfo) {
  const field = input.fullName !== undefined ? 'fullName' : 'enterpriseName';
  const value = (input.fullName ?? input.enterpriseName)!;
  await changeAccount(session, request, 'changeNames', (account) => {
    const failures = nameEditFailures(account.authStatus);
    const expectedType = field === 'fullName' ? 'individual' : 'enterprise';
    if (account.accountType !== expectedType) {
      failures.push({ condition: 'account-type', message: `Set the account type to ${expectedType} first (PUT /v1/account/type).` });
    }
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'The name cannot be changed now.', failures);
    return { set: { [field]: value }, changes: [{ field, old: account[field], new: value }] };
  });
  return { [field]: value };
}

/** R-AI-07: tax information; a qualification proof is an uploaded, content-checked file. */
export async function changeTaxInfo(
  session: Session,
  input: { qualificationName: string; taxId: string; qualificationProof?: string },
  request: RequestInfo,
  proofCheck: (accountId: string, materialId: string) => Promise<void>,
) {
  if (input.qualificationProof) await proofCheck(session.accountId, input.qualificationProof);
  const taxInfo = { qualificationName: input.qualificationName, taxId: input.taxId, ...(input.qualificationProof ? { qualificationProof: input.qualificationProof } : {}) };
  await changeAccount(session, request, 'changeTaxInfo', (account) => ({
    set: { taxInfo },
    changes: [{ field: 'taxId', old: (account.taxInfo as { taxId?: string } | undefined)?.taxId, new: input.taxId }],
  }));
  return taxInfo;
}

/** R-AI-10: contact information; the industry must come from the catalogue. */
export async function changeContact(session: Session, contact: Record<string, string | undefined> & { industry: string }, request: RequestInfo) {
  const problems = industryProblems(contact.industry, undefined).filter((p) => p.field === 'industry');
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const clean = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)) as Record<string, string>;
  await changeAccount(session, request, 'changeContact', (account) => ({
    set: { contact: clean },
    changes: [{ field: 'contact', old: account.contact, new: clean }],
  }));
  return clean;
}

/** R-AI-11: industry with its secondary industry where the industry has them. */
export async function changeIndustry(session: Session, input: { industry: string; secondaryIndustry?: string }, request: RequestInfo) {
  const problems = industryProblems(input.industry, input.secondaryIndustry);
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const industry = { industry: input.industry, ...(input.secondaryIndustry ? { secondaryIndustry: input.secondaryIndustry } : {}) };
  await changeAccount(session, request, 'changeIndustry', (account) => ({
    set: { industry },
    changes: [{ field: 'industry', old: account.industry, new: industry }],
  }));
  return industry;
}
