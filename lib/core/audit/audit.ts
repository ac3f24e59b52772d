/**
 * The one audit function (R-AU-01, R-AU-02). A trace is an append-only item (Put with
 * attribute_not_exists) under the account's audit partition; changed values are masked before they
 * are stored. Use `auditWrite` inside the transaction of the change it records, or `audit` after it.
 */
import { epochSeconds, nowIso } from '../clock.js';
import { config } from '../config.js';
import { newId } from '../crypto.js';
import type { Origin } from '../caller.js';
import * as keys from '../store/key-builders.js';
import { TABLE } from '../store/table.js';
import { type TransactItem, put } from '../store/writes.js';
import { maskValue } from './mask.js';

export const TRACE_NAMES = [
  // R-AU-01, named in the user guide
  'changeIndividualAuthInfo',
  'reauthWithEnterpriseInfo',
  'changeEnterpriseName',
  'changeEnterpriseEntity',
  'changePhone',
  'changeEmail',
  'addRecipient',
  'editRecipient',
  'deleteRecipient',
  // identity (our extension)
  'signUp',
  'enableServices',
  'login',
  'loginFailed',
  'logout',
  'changePassword',
  'resetPassword',
  'setSecurityPhone',
  // account information
  'changeTenantName',
  'changeLoginId',
  'changeAccountType',
  'changeNames',
  'changeTaxInfo',
  'changeContact',
  'changeIndustry',
  'changePreferences',
  // closure
  'closureCheck',
  'closeServices',
  'restoreServices',
  'disableServices',
  // operator actions on the account (actor = operator:<id>, issue 9 item 9)
  'putStanding',
  'recordPaymentMethod',
  'holdClosure',
  'liftClosureHold',
  'deleteHuaweiId',
  // partners (issue 11): enrollment by an operator; partner actions on a customer (actor partner:<pid>:<staff>, R-PA-06)
  'enrollPartner',
  'addPartnerMember',
  'associatePartner',
  // partners (issue 11): on the customer's traces; a partner's action carries actor partner:<partnerId>:<staffAccountId> (R-PA-06)
  'setPartnerBudget',
  'setPartnerAuthorization',

  // partner disassociation (issue 11; a partner's action is written to the customer's traces, R-PA-06)
  'requestPartnerDisassociation',
  'decidePartnerDisassociation',
  'disassociatePartnerByTicket',
  'setPartnerSettings',
  // partner operations on the customer (issue 11 review 1, R-PA-06): a reveal records the field only, never a value
  'assignPartnerAccountManager',
  'revealPartnerCustomerContact',

  // partner membership (issue 11 review finding 3): on the member's own traces
  'joinPartner',
  'leavePartner',

  // enterprise master and members (issue 12): on the acting account's traces
  'enableEnterpriseCenter',
  'inviteEnterpriseMember',
  'cancelEnterpriseInvitation',
  'createEnterpriseMember',
  'acceptEnterpriseInvitation',
  'rejectEnterpriseInvitation',
  'setMasterPermissions',
  'requestMemberDisassociation',
  'cancelMemberDisassociation',
  'decideMemberDisassociation',

  // real-name authentication (issue 13): on the applicant's traces; an operator's action carries actor operator:<id>
  'submitRealNameApplication',
  'withdrawRealNameApplication',
  'decideRealNameApplication',
  'viewRealNameApplication',
] as const;

export type TraceName = (typeof TRACE_NAMES)[number];

export interface Change {
  field: string;
  old?: unknown;
  new?: unknown;
}

export interface TraceInput {
  accountId: string;
  traceName: TraceName;
  request: Pick<Origin, 'requestId' | 'sourceIp'>;
  result: 'success' | 'failure';
  changes?: Change[];
  actor?: string;
}

export function auditWrite(input: TraceInput): TransactItem {
  const time = nowIso();
  const id = newId('tr_');
  return {
    Put: {
      TableName: TABLE(),
      Item: {
        ...keys.auditTrace(input.accountId, time, id),
        traceId: id,
        traceName: input.traceName,
        resourceType: 'accountCenter',
        time,
        actor: input.actor ?? input.accountId,
        sourceIp: input.request.sourceIp,
        requestId: input.request.requestId,
        result: input.result,
        ...(input.changes?.length
          ? { changes: input.changes.map((c) => ({ field: c.field, old: maskValue(c.field, c.old), new: maskValue(c.field, c.new) })) }
          : {}),
        ttl: epochSeconds() + config.audit.retentionSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function audit(input: TraceInput): Promise<void> {
  const item = auditWrite(input).Put!;
  await put(item);
}
