/** In-process drivers for partner disassociation (issue 11, R-PD-01..09). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { handler as decideAsCustomerHandler } from '../../functions/partners/decideDisassociationAsCustomer.js';
import { handler as decideAsPartnerHandler } from '../../functions/partners/decideDisassociationAsPartner.js';
import { handler as ticketHandler } from '../../functions/partners/disassociateByTicket.js';
import { handler as checksHandler } from '../../functions/partners/getDisassociationChecks.js';
import { handler as requestCustomerHandler } from '../../functions/partners/requestCustomerDisassociation.js';
import { handler as requestHandler } from '../../functions/partners/requestDisassociation.js';
import { handler as settingsHandler } from '../../functions/partners/setPartnerSettings.js';
import { handler as preferencesHandler } from '../../functions/preferences/changePreferences.js';
import { findAccount } from '../../lib/accounts/store.js';
import { listLog } from '../../lib/core/association-log/store.js';
import { newSession } from '../../lib/core/sessions.js';
import { clockOffset, nowIso, setClockOffset } from '../../lib/core/clock.js';
import { newId } from '../../lib/core/crypto.js';
import { query } from '../../lib/core/store/patterns.js';
import * as queries from '../../lib/core/store/queries.js';
import { TABLE, db } from '../../lib/core/store/table.js';
import { transact } from '../../lib/core/store/writes.js';
import type { StaffRole } from '../../lib/partners/model.js';
import { associationUpdate, loadPartnerCustomer, staffWrites } from '../../lib/partners/store.js';
import { activeAccount } from './closure.js';
import { invoke } from './http.js';
import { bearer, setSecurityPhone, verificationFor } from './identity.js';
import { type TestAccount, type TestPartner, associatedCustomer } from './partners.js';

export type Verification = { challengeId: string; code: string };

/** A reseller (or referral) customer of `partner` with a mobile number and a currency: it passes the customer checks. */
export async function readyCustomer(partner: TestPartner, options: { model?: 'reseller' | 'referral'; currency?: boolean } = {}) {
  const { customer, association } = await associatedCustomer(partner, { model: options.model ?? 'reseller' });
  const mobile = await setSecurityPhone(customer.token);
  if (options.currency !== false) {
    const res = await invoke(preferencesHandler, {
      method: 'PUT',
      path: '/v1/account/preferences',
      headers: bearer(customer.token),
      body: { currency: 'EUR' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return { ...customer, mobile, association };
}
export type ReadyCustomer = Awaited<ReturnType<typeof readyCustomer>>;

/** Past the 60-second resend cooldown of a destination and purpose (R-VC-04), so a test may send several codes. */
const pastCooldown = () => setClockOffset(clockOffset() + 61_000);

/** R-PD-01: the customer's SMS code (purpose partner-disassociation). */
export function smsCode(customer: ReadyCustomer): Promise<Verification> {
  pastCooldown();
  return verificationFor('partner-disassociation', 'sms', customer.mobile, { token: customer.token });
}

/** R-PD-08: a partner-operation code of a staff account, by email. */
export function operationCode(staff: TestAccount): Promise<Verification> {
  pastCooldown();
  return verificationFor('partner-operation', 'email', staff.email, { token: staff.token });
}

export const checks = (customer: { token: string }) =>
  invoke(checksHandler, { method: 'GET', path: '/v1/partner/disassociation-checks', headers: bearer(customer.token) });

export async function customerRequest(customer: ReadyCustomer, verification?: Verification) {
  return invoke(requestHandler, {
    method: 'POST',
    path: '/v1/partner/disassociation-requests',
    headers: bearer(customer.token),
    body: { confirm: true, verification: verification ?? (await smsCode(customer)) },
  });
}

export const partnerRequest = (
  staff: { token: string },
  customerId: string,
  body: Record<string, unknown> = { reason: 'Contract ended' },
) =>
  invoke(requestCustomerHandler, {
    method: 'POST',
    path: `/v1/partner-center/customers/${customerId}/disassociation-requests`,
    pathParameters: { customerId },
    headers: bearer(staff.token),
    body,
  });

export const partnerDecides = (staff: { token: string }, requestId: string, body: Record<string, unknown>) =>
  invoke(decideAsPartnerHandler, {
    method: 'POST',
    path: `/v1/partner-center/disassociation-requests/${requestId}/decision`,
    pathParameters: { requestId },
    headers: bearer(staff.token),
    body,
  });

export const customerDecides = (customer: { token: string }, requestId: string, agree: boolean) =>
  invoke(decideAsCustomerHandler, {
    method: 'POST',
    path: `/v1/partner/disassociation-requests/${requestId}/decision`,
    pathParameters: { requestId },
    headers: bearer(customer.token),
    body: { agree },
  });

export const settings = (staff: { token: string }, body: Record<string, unknown>) =>
  invoke(settingsHandler, { method: 'PUT', path: '/v1/partner-center/settings', headers: bearer(staff.token), body });

export const ticket = (body: Record<string, unknown>) =>
  invoke(ticketHandler, {
    method: 'POST',
    path: '/v1/ops/partners/disassociations',
    headers: { 'x-operator-key': 'test-operator-key' },
    body,
  });

/** Another active account added to the partner's staff (an account manager unless said), optionally assigned to a customer. */
export async function staffMember(partner: TestPartner, role: StaffRole = 'account-manager', assignedTo?: string) {
  const account = await activeAccount();
  await transact(staffWrites(partner.partnerId, account.accountId, role, nowIso()));
  if (assignedTo) {
    const a = (await loadPartnerCustomer(partner.partnerId, assignedTo))!;
    await transact([associationUpdate(a, { accountManagerId: account.accountId })]);
  }
  return account;
}

/** A fresh session of the account at the current (test) clock: after a move of days the old one has idled out. */
export async function freshToken(account: { accountId: string; token: string }): Promise<void> {
  const item = await findAccount(account.accountId);
  const s = newSession(account.accountId, (item!.sessionEpoch as number | undefined) ?? 0);
  await transact([s.write]);
  account.token = s.token;
}

/** The events of a log view, oldest first. */
export async function logEvents(view: string): Promise<string[]> {
  return (await listLog(view, { limit: 100 })).items.map((e) => e.event);
}

/** The customer's audit traces, oldest first. */
export async function traces(accountId: string): Promise<Array<Record<string, any>>> {
  const out = await db().send(new QueryCommand({ TableName: TABLE(), ...query(queries.auditTraces, accountId), ConsistentRead: true }));
  return out.Items ?? [];
}

export const uniqueTicket = () => newId('tk_');
