/**
 * What the member-disassociation use cases share (issue 12, R-MM-01..03): the request's payload, the R-MM-03 judgement
 * of both sides on the facts read (with the ConditionChecks that hold the commit to the standings judged) and the
 * notices of a result to both accounts.
 */
import { findAccount } from '../accounts/store.js';
import type { AccountFacts } from '../core/checks/facts.js';
import { loadFacts } from '../core/checks/store.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import type { TransactItem } from '../core/store/writes.js';
import { checkFailed } from './invitation.js';
import { type AccountingMode, ENTERPRISE_DISASSOCIATION } from './kinds.js';
import { enterpriseNotices } from './notices.js';
import { disassociationFailures } from './rules.js';
import { standingIs } from './store.js';

export interface DisassociationPayload {
  accountingMode: AccountingMode;
  enterpriseName: string;
}

export const isDisassociation = (request: HandshakeRequest | undefined): request is HandshakeRequest =>
  request?.kind === ENTERPRISE_DISASSOCIATION.kind;

export const disassociationPayloadOf = (request: HandshakeRequest): DisassociationPayload =>
  request.payload as unknown as DisassociationPayload;

/**
 * R-MM-03 on both sides: refused (422 CHECK_FAILED naming every failed condition) unless they hold; when they do,
 * the ConditionChecks that keep the commit to the standings judged ('master-standing', 'member-standing').
 */
export async function judgeDisassociation(masterId: string, memberId: string): Promise<{ holds: TransactItem[]; member: AccountFacts }> {
  const [master, member] = await Promise.all([loadFacts(masterId), loadFacts(memberId)]);
  const failures = disassociationFailures({ master, member });
  if (failures.length) throw checkFailed(failures, 'The association cannot be ended now.');
  return {
    member,
    holds: [
      standingIs(masterId, master.standingVersion, 'master-standing'),
      standingIs(memberId, member.standingVersion, 'member-standing'),
    ],
  };
}

/** R-MM-01: a disassociation request's result goes to both accounts. */
export async function resultNoticesToBoth(masterId: string, memberId: string, result: string, at: string) {
  const [master, member] = await Promise.all([findAccount(masterId), findAccount(memberId)]);
  return enterpriseNotices('enterprise-disassociation-result', { masterAccountId: masterId, memberAccountId: memberId, result, at }, [
    master,
    member,
  ]);
}

/** The standings or the member row changed between the judgement and the commit: judge again. */
export const RACE_TAGS = ['master-standing', 'member-standing', 'member', 'payment-method'] as const;
