/** In-process drivers for the closure flows. */
import { expect } from 'vitest';
import { handler as enableHandler } from '../../functions/accounts/enableServices.js';
import { handler as checkHandler } from '../../functions/closure/runClosureCheck.js';
import { handler as closeHandler } from '../../functions/closure/closeServices.js';
import { handler as disableHandler } from '../../functions/closure/disableServices.js';
import { handler as restoreHandler } from '../../functions/closure/restoreServices.js';
import { handler as holdHandler } from '../../functions/closure/holdClosure.js';
import { handler as standingHandler } from '../../functions/closure/putStanding.js';
import { invoke } from './http.js';
import { bearer, signUp, verificationFor } from './identity.js';

export async function activeAccount() {
  const account = await signUp();
  const res = await invoke(enableHandler, {
    method: 'POST',
    path: '/v1/account/enable',
    headers: bearer(account.token),
    body: { acceptAgreements: true },
  });
  expect(res.status).toBe(200);
  return account;
}

const ops = { 'x-operator-key': 'test-operator-key' };

export async function putStanding(accountId: string, standing: Record<string, boolean | string>) {
  const res = await invoke(standingHandler, {
    method: 'PUT',
    path: `/v1/ops/accounts/${accountId}/standing`,
    pathParameters: { accountId },
    headers: ops,
    body: standing,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export async function hold(accountId: string, reason = 'litigation') {
  return invoke(holdHandler, {
    method: 'POST',
    path: `/v1/ops/accounts/${accountId}/closure-hold`,
    pathParameters: { accountId },
    headers: ops,
    body: { reason },
  });
}

export async function runCheck(account: { token: string; email: string }, extra: Record<string, unknown> = {}) {
  const verification = await verificationFor('close-services', 'email', account.email, { token: account.token });
  return invoke(checkHandler, {
    method: 'POST',
    path: '/v1/closure/checks',
    headers: bearer(account.token),
    body: { acceptTerms: true, reason: 'no-longer-needed', verification, ...extra },
  });
}

export const close = (token: string, checkId: string) =>
  invoke(closeHandler, { method: 'POST', path: '/v1/closure', headers: bearer(token), body: { checkId } });

/** The account closes itself: its closure check passes (no association, nothing owed) and it closes. */
export async function closeAccount(account: { token: string; email: string }) {
  const check = await runCheck(account);
  expect(check.body.passed, JSON.stringify(check.body)).toBe(true);
  const closed = await close(account.token, check.body.checkId as string);
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  return closed.body;
}

/** Sign up, enable, pass a check and close. */
export async function closedAccount() {
  const account = await activeAccount();
  return { ...account, closed: await closeAccount(account) };
}

export const restore = (token: string) => invoke(restoreHandler, { method: 'POST', path: '/v1/closure/restore', headers: bearer(token) });

export async function disable(
  account: { token: string; email: string },
  acknowledge = true,
  given?: { challengeId: string; code: string },
) {
  const verification = given ?? (await verificationFor('disable-services', 'email', account.email, { token: account.token }));
  return invoke(disableHandler, {
    method: 'POST',
    path: '/v1/closure/disable',
    headers: bearer(account.token),
    body: { acknowledgeDataDeletion: acknowledge, verification },
  });
}
