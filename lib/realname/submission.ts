/**
 * What every real-name submission shares (first authentication here; re-authentication reuses it): the material
 * slot check (the caller's own, verified, the slot's purpose and file types, not refused by the last rejection),
 * the due date (R-RN-03: working days with the configured holidays), and the commit of `submitWrites` with its
 * audit trace, mapping a lost race for the one-pending pointer to `application-pending`.
 */
import type { AccountItem } from '../accounts/account.js';
import { loadAccount } from '../accounts/store.js';
import { type TraceName, auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { realNameConfig } from '../core/config.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import { addWorkingDays } from '../core/working-days.js';
import { ConditionFailed, type TransactItem, transact } from '../core/store/writes.js';
import { loadMaterial } from '../materials/store.js';
import { type EnterpriseDetails, type IndividualDetails, type RealNameApplication, last4 } from './model.js';
import { type MaterialSlotProblem, materialFailures, materialSlotProblem, submissionFailures } from './rules.js';
import { type SubmissionHold, certificateNumberHash, submitWrites } from './store.js';

export interface SlotSpec {
  slot: string;
  materialId: string;
  purpose: 'real-name-individual' | 'real-name-enterprise' | 'reauth-form';
  /** Limits the slot to these file types (e.g. R-RA-01's PDF form). */
  fileTypes?: readonly string[];
}

/** Refuses (422 MATERIAL_INVALID, one failure per bad slot, naming it) unless every slot's material is usable. */
export async function requireUsableMaterials(
  accountId: string,
  slots: readonly SlotSpec[],
  refused: readonly string[] = [],
): Promise<void> {
  const found = await Promise.all(slots.map((s) => loadMaterial(accountId, s.materialId)));
  const problems = slots
    .map(
      (s, i) =>
        materialSlotProblem(s.slot, s.materialId, found[i], { purpose: s.purpose, fileTypes: s.fileTypes, refused }) ??
        // R-RN-01: each slot is its own evidence; one file in two slots fails the later slot.
        (slots.slice(0, i).some((earlier) => earlier.materialId === s.materialId)
          ? { slot: s.slot, materialId: s.materialId, problem: 'repeated' as const }
          : undefined),
    )
    .filter((p): p is MaterialSlotProblem => p !== undefined);
  if (problems.length) {
    throw new RuleViolation('MATERIAL_INVALID', 'Some materials cannot be used for this application.', materialFailures(problems));
  }
}

/** R-RN-03: when the review of an application submitted at `at` is due. */
export function reviewDueBy(at: Date): string {
  return addWorkingDays(at, realNameConfig.reviewWorkingDays, realNameConfig.holidays).toISOString();
}

export const pendingRefusal = () =>
  new RuleViolation(
    'NOT_ALLOWED',
    'An application is already under review.',
    submissionFailures({
      authKind: 'enterprise',
      authenticated: false,
      pending: true,
      partnerProgram: false,
      accountType: 'unset',
      accountCountry: '',
      certificateCountry: '',
    }),
  );

/**
 * Commits the submission (the application and its rows, the account's pointer, the audit trace, `extra` conditions)
 * in one transaction.
 * Returns false when the account changed after it was read (the caller judges again on a fresh read); throws
 * `application-pending` when another submission won the one-pending pointer.
 */
export async function commitSubmission(
  caller: AccountCaller,
  app: RealNameApplication,
  account: AccountItem,
  traceName: TraceName,
  extra: TransactItem[] = [],
  hold: SubmissionHold = {},
): Promise<boolean> {
  try {
    await transact([
      ...submitWrites(app, account, hold),
      ...extra,
      auditWrite({
        accountId: account.accountId,
        traceName,
        request: caller.origin,
        result: 'success',
        changes: [
          { field: 'realNameApplication', new: app.applicationId },
          { field: 'realNameApplicationKind', new: app.kind },
        ],
      }),
    ]);
    return true;
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // What the submission was judged on (the standing in `extra`, the real-name state, the partner program) changed
    // meanwhile: judge again on fresh reads.
    if (error.failed('standing') || error.failed('realname-state') || error.failed('partner-program')) return false;
    if (!error.failed('account')) throw error;
    const fresh = await loadAccount(account.accountId);
    if (fresh.realNamePending) throw pendingRefusal();
    return false;
  }
}

export const staleSubmission = () => new Conflict('STATE_CONFLICT', 'The account changed meanwhile; try again.');

/** The fields of an individual's certificate / an enterprise's registration as submitted (raw number included). */
export type IndividualFields = Pick<IndividualDetails, 'certificateType' | 'fullName' | 'issuingCountry'> & { certificateNumber: string };
export type EnterpriseFields = Pick<EnterpriseDetails, 'countryRegion' | 'registeredAddress' | 'enterpriseName'> & {
  registrationNumber: string;
};

/** The details stored from the submitted fields: the number only as its keyed hash and last 4 characters. */
export function detailsOf(fields: IndividualFields | EnterpriseFields): IndividualDetails | EnterpriseDetails {
  if ('certificateNumber' in fields) {
    return {
      certificateType: fields.certificateType,
      fullName: fields.fullName,
      issuingCountry: fields.issuingCountry,
      certificateNumberHash: certificateNumberHash('individual', fields.certificateNumber),
      certificateNumberLast4: last4(fields.certificateNumber),
    };
  }
  return {
    countryRegion: fields.countryRegion,
    registeredAddress: fields.registeredAddress,
    enterpriseName: fields.enterpriseName,
    registrationNumberHash: certificateNumberHash('enterprise', fields.registrationNumber),
    registrationNumberLast4: last4(fields.registrationNumber),
  };
}
