/**
 * The submission conditions of a real-name application (issue 13 item 1), as data over facts: each condition names
 * what to do when it fails (core/checks/conditions). Pure.
 */
import { type Condition, evaluate } from '../core/checks/conditions.js';
import type { Failure } from '../core/errors.js';
import type { AuthKind } from './model.js';

export interface SubmissionFacts {
  /** What the application would make the account. */
  authKind: AuthKind;
  /** The account already has an approved authentication (`current`). */
  authenticated: boolean;
  /** An application is pending (`realNamePending` on the account item). */
  pending: boolean;
  /** The account is staff of a partner organisation (facts `partnerProgram`). */
  partnerProgram: boolean;
  accountType: 'unset' | 'individual' | 'enterprise';
  /** The account's registration country/region. */
  accountCountry: string;
  /** The certificate's issuing country (individual) or the enterprise's registered country/region. */
  certificateCountry: string;
  /** The individual certificate's type (R-RN-01: a driver licence only when not issued in the Chinese mainland). */
  certificateType?: string;
}

type Group = 'submission';

export const SUBMISSION_CONDITIONS: readonly Condition<SubmissionFacts, Group>[] = [
  {
    condition: 'already-authenticated',
    group: 'submission',
    fails: (f) => f.authenticated,
    message: 'The account is already authenticated; change the authentication with POST /v1/real-name/reauthentications.',
  },
  {
    condition: 'application-pending',
    group: 'submission',
    fails: (f) => f.pending,
    message: 'An application is already under review; wait for the decision or withdraw it first.',
  },
  {
    condition: 'partner-program',
    group: 'submission',
    fails: (f) => f.authKind === 'individual' && f.partnerProgram,
    message: 'Accounts in a partner program can only be authenticated as an enterprise (R-RN-05); apply as an enterprise.',
  },
  {
    condition: 'country-mismatch',
    group: 'submission',
    fails: (f) => f.certificateCountry !== f.accountCountry,
    message: (f) =>
      f.authKind === 'individual'
        ? "The certificate's issuing country must be the account's country/region (R-RN-06); use a certificate issued there."
        : "The enterprise's registered country/region must be the account's country/region (R-RN-06).",
  },
  {
    condition: 'account-type',
    group: 'submission',
    fails: (f) => f.authKind === 'individual' && f.accountType === 'enterprise',
    message: 'An enterprise account cannot become an individual one (R-AI-05); apply as an enterprise.',
  },
  {
    condition: 'chinese-driver-license',
    group: 'submission',
    fails: (f) => f.authKind === 'individual' && f.certificateType === 'driver-license' && f.certificateCountry === 'CN',
    message:
      'A driver licence issued in the Chinese mainland is not accepted (R-RN-01: non-Chinese driver licences only); apply with an ID card or a passport.',
  },
];

/** The failed submission conditions (empty: the application may be submitted). */
export function submissionFailures(facts: SubmissionFacts): Failure[] {
  return evaluate(SUBMISSION_CONDITIONS, facts, ['submission']).groups.flatMap((g) => g.failures);
}

/** One material slot's check (R-RN-02, R-SEC-05): the material of `slot` is not usable. */
export interface MaterialSlotProblem {
  slot: string;
  materialId: string;
  /**
   * missing: not the caller's or never uploaded; unverified; wrong-purpose; wrong-type; refused: refused by the last
   * rejection; repeated: the material already fills an earlier slot of the application.
   */
  problem: 'missing' | 'unverified' | 'wrong-purpose' | 'wrong-type' | 'refused' | 'repeated';
}

export interface SlotMaterial {
  purpose: string;
  status: string;
  fileType?: string;
}

/** Judges one slot's material (undefined: looked up under the caller's account and not found). Pure. */
export function materialSlotProblem(
  slot: string,
  materialId: string,
  material: SlotMaterial | undefined,
  expect: { purpose: string; fileTypes?: readonly string[]; refused: readonly string[] },
): MaterialSlotProblem | undefined {
  const problem: MaterialSlotProblem['problem'] | undefined = !material
    ? 'missing'
    : material.status !== 'verified'
      ? 'unverified'
      : material.purpose !== expect.purpose
        ? 'wrong-purpose'
        : expect.fileTypes && !expect.fileTypes.includes(material.fileType ?? '')
          ? 'wrong-type'
          : expect.refused.includes(materialId)
            ? 'refused'
            : undefined;
  return problem ? { slot, materialId, problem } : undefined;
}

const SLOT_MESSAGES: Record<MaterialSlotProblem['problem'], string> = {
  missing: 'No such material for this account: upload it with POST /v1/materials and complete the upload.',
  unverified: 'The material is not verified yet: complete the upload first.',
  'wrong-purpose': 'The material was uploaded for another purpose: upload it again with the purpose this slot needs.',
  'wrong-type': 'This slot needs another file type: upload the file in one of the accepted types.',
  refused: 'The last review refused this material: upload a new one.',
  repeated: 'The same material already fills another slot: each slot needs its own file.',
};

/** The failures a `material-invalid` refusal lists: one per bad slot, naming it. */
export function materialFailures(problems: readonly MaterialSlotProblem[]): Array<Failure & { slot: string }> {
  return problems.map((p) => ({ condition: 'material-invalid', slot: p.slot, message: `${p.slot}: ${SLOT_MESSAGES[p.problem]}` }));
}
