/** Drivers for the e2e files: the local stage over HTTP, codes read from its message sink. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { call } from './http.js';

export const E2E_PASSWORD = 'E2e-Secret-2026';

export async function messages(to: string): Promise<Array<{ kind: string; body: string }>> {
  const res = await call('GET', `/local/messages?to=${encodeURIComponent(to)}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** The newest 6-digit code sent to `to`, as its owner would read it. */
export async function codeFor(to: string): Promise<string> {
  const code = (await messages(to)).find((m) => m.kind === 'verification-code')?.body.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a code for ${to}`).toBeTruthy();
  return code!;
}

/** POST /v1/verification-codes; answers the challenge ID. */
export async function sendCode(body: object, token?: string): Promise<string> {
  const res = await call('POST', '/v1/verification-codes', { body, ...(token ? { token } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.challengeId as string;
}

/** A ready `verification` object for a purpose whose code goes by email to `email`. */
export async function emailVerification(purpose: string, email: string, token?: string, destination?: string) {
  const challengeId = await sendCode({ purpose, channel: 'email', ...(destination ? { destination } : {}) }, token);
  return { challengeId, code: await codeFor(email) };
}

export const uniqueE2eEmail = (tag: string) => `e2e.${tag}.${randomBytes(5).toString('hex')}@example.com`;

export async function signUpOverHttp(email = uniqueE2eEmail('user')) {
  const verification = await emailVerification('signup', email, undefined, email);
  const res = await call('POST', '/v1/accounts', { body: { countryRegion: 'DE', email, password: E2E_PASSWORD, verification } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, accountId: res.body.accountId as string, token: res.body.session.token as string };
}
