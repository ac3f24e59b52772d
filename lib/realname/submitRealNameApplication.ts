/**
 * Issue 13 item 1 (R-RN-01, R-RN-03, R-RN-05, R-RN-06, R-AI-05): a customer applies for individual or enterprise
 * real-name authentication. The submission conditions (./rules.ts) are judged on the account, its real-name state
 * and its facts; every material must be usable in its slot; the numbers are kept as a keyed hash + last 4 only. One
 * transaction writes the application, its queue row, its review timer, the per-account index row and the account's
 * one-pending pointer (`authStatus` pending), with the audit trace.
 */
import { loadAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { loadFacts } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { RuleViolation } from '../core/errors.js';
import * as keys from '../core/store/key-builders.js';
import type { IndividualDetails, RealNameApplication } from './model.js';
import { submissionFailures } from './rules.js';
import { realNameState } from './store.js';
import { type SlotSpec, commitSubmission, detailsOf, requireUsableMaterials, reviewDueBy, staleSubmission } from './submission.js';

export type SubmitInput =
  | {
      kind: 'individual';
      certificateType: IndividualDetails['certificateType'];
      fullName: string;
      certificateNumber: string;
      issuingCountry: string;
      materials: { certificatePage: string; holdingPhoto: string };
    }
  | {
      kind: 'enterprise';
      countryRegion: string;
      registeredAddress: string;
      enterpriseName: string;
      registrationNumber: string;
      materials: { certificate: string };
    };

function slotsOf(input: SubmitInput): SlotSpec[] {
  const purpose = input.kind === 'individual' ? 'real-name-individual' : 'real-name-enterprise';
  return Object.entries(input.materials).map(([slot, materialId]) => ({ slot, materialId, purpose }));
}

export async function submitRealNameApplication(caller: AccountCaller, input: SubmitInput) {
  const accountId = caller.accountId;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const [account, state, facts] = await Promise.all([loadAccount(accountId), realNameState(accountId), loadFacts(accountId)]);
    const failures = submissionFailures({
      authKind: input.kind,
      authenticated: state.current !== undefined || account.authStatus === 'authenticated',
      pending: account.realNamePending !== undefined,
      partnerProgram: facts.associations.partnerProgram,
      accountType: account.accountType,
      accountCountry: account.countryRegion,
      certificateCountry: input.kind === 'individual' ? input.issuingCountry : input.countryRegion,
      certificateType: input.kind === 'individual' ? input.certificateType : undefined,
    });
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'The real-name application cannot be submitted.', failures);
    await requireUsableMaterials(accountId, slotsOf(input), state.rejectedMaterialIds ?? []);

    const at = now();
    const applicationId = newId('ra_');
    const app: RealNameApplication = {
      ...keys.realNameApplication(applicationId),
      applicationId,
      accountId,
      kind: input.kind,
      status: 'pending',
      submittedAt: at.toISOString(),
      reviewDueBy: reviewDueBy(at),
      details: detailsOf(input),
      materials: { ...input.materials },
      version: 1,
    };
    // Held by the transaction: the state judged (authenticated, refused materials) and, for an individual, R-RN-05.
    const hold = { state, notPartnerProgram: input.kind === 'individual' };
    if (await commitSubmission(caller, app, account, 'submitRealNameApplication', [], hold)) {
      return { applicationId, status: 'pending' as const, reviewDueBy: app.reviewDueBy };
    }
  }
  throw staleSubmission();
}
