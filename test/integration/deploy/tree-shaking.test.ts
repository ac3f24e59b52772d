/**
 * Bundle budget (issue 10): modules a function never uses must leave its deployed bundle. Builds functions in
 * memory with esbuild.config.cjs as `serverless package --stage prod` does, and reads which of our modules put bytes
 * into the output (the metafile lists tree-shaken modules too, with 0 bytes) and whether a marker string is there.
 */
import { describe, expect, it } from 'vitest';
import { bundle } from '../../support/bundle.js';

describe('issue 10 (bundle budget): the common-password list only in functions that check a password', () => {
  const MODULE = 'lib/accounts/common-passwords.ts';
  const MARKER = 'huaweicloud1'; // an entry of the list
  it.each([
    ['functions/verification/sendVerificationCode.ts', false],
    ['functions/closure/disableServices.ts', false],
    ['functions/accounts/signUp.ts', true],
    ['functions/accounts/changePassword.ts', true],
  ])('%s carries the list: %s', async (entry, carries) => {
    const { text, emitted } = await bundle(entry);
    expect(emitted.includes(MODULE), `${MODULE} emitted`).toBe(carries);
    expect(text.includes(MARKER), `bundle has "${MARKER}"`).toBe(carries);
  });
});

describe('issue 10 (bundle budget): the accounts notice texts only in functions that send them', () => {
  const MODULE = 'lib/accounts/notice-templates.ts';
  const MARKERS = ['Your account details changed', 'Sign-in to your account is locked'];
  it.each([
    ['functions/verification/sendVerificationCode.ts', false],
    ['functions/sessions/login.ts', true], // the lockout notice (R-SEC-01)
    ['functions/accounts/changePassword.ts', true], // the password-change notice (R-AI-13)
    ['functions/accounts/changeServiceEmail.ts', true], // the contact-change notice
  ])('%s carries them: %s', async (entry, carries) => {
    const { text, emitted } = await bundle(entry);
    expect(emitted.includes(MODULE), `${MODULE} emitted`).toBe(carries);
    for (const marker of MARKERS) expect(text.includes(marker), `bundle has "${marker}"`).toBe(carries);
  });
});

describe('issue 10 (bundle budget): the SDK call counter only where the bench and tests run the sources', () => {
  it('a deployed bundle carries the no-op stand-in, not lib/core/sdk-calls.ts, and the stand-in has the same exports', async () => {
    const { emitted } = await bundle('functions/accounts/getAccount.ts');
    expect(emitted).not.toContain('lib/core/sdk-calls.ts');
    expect(emitted).toContain('lib/core/aws/no-sdk-calls.ts');
    const real = await import('../../../lib/core/sdk-calls.js');
    const stand = await import('../../../lib/core/aws/no-sdk-calls.js');
    expect(Object.keys(stand).sort()).toEqual(Object.keys(real).sort());
  });
});

describe('issue 10 (bundle budget): no local adapter registration in deployed bundles', () => {
  it('a prod bundle carries neither lib/app/local.ts nor the adapter stubs it would register; a local build has the registration', async () => {
    const { emitted } = await bundle('functions/closure/disableServices.ts');
    const registered = ['lib/app/local.ts', 'lib/local/stubs/recording-notifier.ts'];
    expect(emitted.filter((m) => registered.includes(m))).toEqual([]);
    const local = await bundle('functions/closure/disableServices.ts', 'local');
    expect(local.emitted).toContain('lib/app/local.ts');
  });
});

describe('issue 10 (bundle budget): a key builder only in the bundles that use it', () => {
  it('getAccount carries no handshake key builder (a new access pattern costs only the functions that use it)', async () => {
    const { text } = await bundle('functions/accounts/getAccount.ts');
    expect(text.includes('HANDSHAKE#OPEN')).toBe(false);
    expect(text.includes('PROFILE')).toBe(true);
  });
});

describe('issue 13 item 5 (bundle budget): disableServices carries only its own route spec', () => {
  it('its prod bundle has lib/closure/disable-route.ts and none of the other closure route specs (headroom for the real-name hook)', async () => {
    const { emitted, text } = await bundle('functions/closure/disableServices.ts');
    expect(emitted).toContain('lib/closure/disable-route.ts');
    expect(emitted).not.toContain('lib/closure/routes.ts');
    for (const path of ['/v1/closure/checks', '/v1/closure/restore', '/standing']) expect(text.includes(path), path).toBe(false);
  });
});

describe('issue 13 (bundle budget): the local scheduler trigger is served by the local tools edge', () => {
  it('its local bundle carries the scheduler but neither the idempotency middleware nor session authentication', async () => {
    const { emitted } = await bundle('functions/local/localRunScheduler.ts', 'local');
    expect(emitted).toContain('lib/app/scheduler.ts');
    expect(emitted).not.toContain('lib/core/http/middlewares/idempotency.ts');
    expect(emitted).not.toContain('lib/sessions/authenticateSession.ts');
  });
});
