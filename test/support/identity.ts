/** In-process drivers for the identity flows: send a code, read it from the local sink, sign up, log in. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { handler as signUpHandler } from '../../functions/accounts/signUp.js';
import { handler as loginHandler } from '../../functions/sessions/login.js';
import { handler as loginCodeHandler } from '../../functions/sessions/sendLoginCode.js';
import { handler as verifyHandler } from '../../functions/sessions/verifyLoginCode.js';
import { handler as sendCodeHandler } from '../../functions/verification/sendVerificationCode.js';
import { listRecordedMessages } from '../../lib/local/recording-notifier.js';
import { invoke } from './http.js';

export const PASSWORD = 'Correct-Horse-42';

/** A fresh source address per call keeps the per-source send limits out of unrelated tests. */
export const freshIp = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
export const uniqueEmail = (tag = 'user') => `${tag}.${randomBytes(5).toString('hex')}@example.com`;
export const uniqueMobile = () => `+49151${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The newest code sent to `to` (from the local recorder, as a user would read their inbox). */
export async function latestCode(to: string): Promise<string> {
  const [message] = await listRecordedMessages(to, 1);
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code was sent to ${to}`);
  return code;
}

export async function requestCode(body: Record<string, unknown>, options: { token?: string; sourceIp?: string } = {}) {
  return invoke(sendCodeHandler, {
    method: 'POST',
    path: '/v1/verification-codes',
    body,
    headers: options.token ? bearer(options.token) : {},
    sourceIp: options.sourceIp ?? freshIp(),
  });
}

/** Sends a code for `purpose` and returns a ready `verification` object. */
export async function verificationFor(
  purpose: string,
  channel: 'sms' | 'email',
  to: string,
  options: { token?: string; destination?: string } = {},
) {
  const res = await requestCode({ purpose, channel, ...(options.destination ? { destination: options.destination } : {}) }, options);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return { challengeId: res.body.challengeId as string, code: await latestCode(to) };
}

export async function signUp(email = uniqueEmail(), password = PASSWORD) {
  const verification = await verificationFor('signup', 'email', email, { destination: email });
  const res = await invoke(signUpHandler, {
    method: 'POST',
    path: '/v1/accounts',
    body: { countryRegion: 'DE', email, password, verification },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, password, accountId: res.body.accountId as string, token: res.body.session.token as string };
}

export async function startLogin(identifier: string, password: string, extra: Record<string, unknown> = {}, sourceIp = freshIp()) {
  return invoke(loginHandler, { method: 'POST', path: '/v1/sessions', body: { identifier, password, ...extra }, sourceIp });
}

/** Full login with the second step by `channel`; returns the verify answer. */
export async function login(identifier: string, password: string, channel: 'sms' | 'email', to: string, trustDevice = false) {
  const started = await startLogin(identifier, password);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const challengeId = started.body.challengeId as string;
  const sent = await invoke(loginCodeHandler, {
    method: 'POST',
    path: `/v1/sessions/challenges/${challengeId}/code`,
    pathParameters: { challengeId },
    body: { channel },
    sourceIp: freshIp(),
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return invoke(verifyHandler, {
    method: 'POST',
    path: `/v1/sessions/challenges/${challengeId}/verify`,
    pathParameters: { challengeId },
    body: { code: await latestCode(to), trustDevice },
  });
}

/** R-SU-04: binds a fresh security phone (the HUAWEI ID mobile, a login identifier); returns it. */
export async function setSecurityPhone(token: string, mobile = uniqueMobile()): Promise<string> {
  const { handler } = await import('../../functions/accounts/setSecurityPhone.js');
  const verification = await verificationFor('security-phone', 'sms', mobile, { token, destination: mobile });
  const res = await invoke(handler, {
    method: 'PUT',
    path: '/v1/account/security-phone',
    headers: bearer(token),
    body: { mobile, verification },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return mobile;
}

/** R-CL-14: a `delete-huawei-id` code, requested without a session, to the HUAWEI ID's email or mobile. */
export async function deletionCode(identifier: string, channel: 'sms' | 'email', to: string) {
  return verificationFor('delete-huawei-id', channel, to, { destination: identifier });
}

export async function deleteHuaweiId(body: Record<string, unknown>) {
  const { handler } = await import('../../functions/huawei-id/deleteHuaweiId.js');
  return invoke(handler, { method: 'POST', path: '/v1/huawei-id/deletions', body, sourceIp: freshIp() });
}
