/**
 * Issue 13 item 2 (R-RA-01..06): an authenticated account applies to change its authentication — a new individual
 * owner, individual → enterprise, a new enterprise entity, a new enterprise name. The kinds and refusals are data
 * (./reauth-rules.ts); the submission reuses the first authentication's writes (./submission.ts): the application,
 * its queue row and timer, the per-account index row and the one-pending pointer, with the kind's audit trace, and
 * the standing judged (arrears, KooGallery) held by the same transaction. `authStatus` stays `authenticated` and the
 * authentication in force stays what every view shows until a decision (R-RA-05); `submittedAt` is the billing cut-over.
 */
import { loadAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { loadFacts, standingIs } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { RuleViolation } from '../core/errors.js';
import * as keys from '../core/store/key-builders.js';
import { enterpriseInvitationOpen, sharesMasterAuthentication } from './enterprise-ties.js';
import { type IndividualDetails, type RealNameApplication, authKindOf, isIndividualDetails } from './model.js';
import { REAUTH_SPECS, type ReauthKind, reauthFailures } from './reauth-rules.js';
import { realNameState } from './store.js';
import { type SlotSpec, commitSubmission, detailsOf, requireUsableMaterials, reviewDueBy, staleSubmission } from './submission.js';

interface IndividualFields {
  certificateType: IndividualDetails['certificateType'];
  fullName: string;
  certificateNumber: string;
  issuingCountry: string;
}
interface EnterpriseFields {
  countryRegion: string;
  registeredAddress: string;
  enterpriseName: string;
  registrationNumber: string;
}

export type ReauthInput = (
  | ({ kind: 'individual-owner' } & IndividualFields)
  | ({ kind: Exclude<ReauthKind, 'individual-owner'> } & EnterpriseFields)
) & { materials: Record<string, string | undefined>; applicationForm: string };

/** The material slots given, with their purposes, and the form. */
function slotsOf(input: ReauthInput): { slots: SlotSpec[]; materials: Record<string, string> } {
  const spec = REAUTH_SPECS[input.kind];
  const given = spec.slots.filter((s) => input.materials[s.slot] !== undefined);
  const materials = Object.fromEntries(given.map((s) => [s.slot, input.materials[s.slot] as string]));
  return {
    materials,
    slots: [
      ...given.map((s) => ({ slot: s.slot, materialId: materials[s.slot] as string, purpose: s.purpose })),
      { slot: 'applicationForm', materialId: input.applicationForm, purpose: 'reauth-form', fileTypes: spec.form.fileTypes },
    ],
  };
}

export async function submitReauthentication(caller: AccountCaller, input: ReauthInput) {
  const accountId = caller.accountId;
  const spec = REAUTH_SPECS[input.kind];
  const details = detailsOf(input);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const at = now();
    const [account, state, facts, invitationOpen] = await Promise.all([
      loadAccount(accountId),
      realNameState(accountId),
      loadFacts(accountId),
      enterpriseInvitationOpen(accountId, at),
    ]);
    const current = state.current?.details;
    const currentEnterprise = current && !isIndividualDetails(current) ? current : undefined;
    const failures = reauthFailures({
      kind: input.kind,
      currentKind: state.current?.kind,
      pending: account.realNamePending !== undefined,
      overduePayments: facts.standing.overduePayments === true,
      kooGallerySeller: facts.standing.kooGallerySeller === true,
      partnerProgram: facts.associations.partnerProgram,
      accountCountry: account.countryRegion,
      certificateCountry: isIndividualDetails(details) ? details.issuingCountry : details.countryRegion,
      sameRegistrationNumber: !isIndividualDetails(details) && currentEnterprise?.registrationNumberHash === details.registrationNumberHash,
      sameEnterpriseName: !isIndividualDetails(details) && currentEnterprise?.enterpriseName === details.enterpriseName,
      invitationOpen,
      sharesMasterAuthentication: await sharesMasterAuthentication(state, facts.masterAccountId),
    });
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'The re-authentication cannot be submitted.', failures);
    const { slots, materials } = slotsOf(input);
    await requireUsableMaterials(accountId, slots, state.rejectedMaterialIds ?? []);

    const applicationId = newId('ra_');
    const app: RealNameApplication = {
      ...keys.realNameApplication(applicationId),
      applicationId,
      accountId,
      kind: input.kind,
      status: 'pending',
      submittedAt: at.toISOString(),
      reviewDueBy: reviewDueBy(at),
      details,
      materials,
      applicationForm: input.applicationForm,
      version: 1,
    };
    // What was judged holds until the commit: the standing (arrears, KooGallery seller), the authentication in force
    // (the real-name state as read) and, for an individual result, that the account is not in a partner program.
    const hold = { state, notPartnerProgram: authKindOf(input.kind) === 'individual' };
    if (await commitSubmission(caller, app, account, spec.traceName, [standingIs(accountId, facts.standingVersion)], hold)) {
      return { applicationId, status: 'pending' as const, reviewDueBy: app.reviewDueBy };
    }
  }
  throw staleSubmission();
}
