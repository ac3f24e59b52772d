/**
 * Issue 10 item "own security headers" (bundle budget): lib/core/http/middlewares/security-headers.ts replaces
 * @middy/http-security-headers 7.9.2 with its defaults. RECORDED is what that middleware set on a sample answer
 * (recorded by running it on `{ statusCode: 200, headers: { Server, X-Powered-By } }` before it was removed).
 */
import type middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../../lib/core/http/middlewares/security-headers.js';

const RECORDED: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'report-sample' 'report-sha256'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; report-to default; require-trusted-types-for 'script'; sandbox; upgrade-insecure-requests",
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), all-screens-capture=(), ambient-light-sensor=(), autoplay=(), battery=(), camera=(), cross-origin-isolated=(), display-capture=(), document-domain=(), encrypted-media=(), execution-while-not-rendered=(), execution-while-out-of-viewport=(), fullscreen=(), geolocation=(), gyroscope=(), keyboard-map=(), magnetometer=(), microphone=(), midi=(), monetization=(), navigation-override=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), web-share=(), xr-spatial-tracking=(), clipboard-read=(), clipboard-write=(), gamepad=(), speaker-selection=(), conversion-measurement=(), focus-without-user-activation=(), hid=(), idle-detection=(), interest-cohort=(), serial=(), sync-script=(), trust-token-redemption=(), window-placement=(), vertical-scroll=()',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

const run = (hook: 'after' | 'onError', response: unknown) => {
  const request = { response } as middy.Request;
  securityHeaders()[hook]!(request);
  return request.response as { statusCode?: number; body?: unknown; headers?: Record<string, string> } | undefined;
};

describe('security headers on every answer, as @middy/http-security-headers set them (issue 10, bundle budget)', () => {
  it.each(['after', 'onError'] as const)(
    "%s: adds exactly the recorded set, keeps the answer's own headers, drops Server and X-Powered-By",
    (hook) => {
      const out = run(hook, {
        statusCode: 200,
        body: '{}',
        headers: { 'Content-Type': 'application/json', Server: 'x', 'X-Powered-By': 'y' },
      });
      expect(out).toEqual({ statusCode: 200, body: '{}', headers: { 'Content-Type': 'application/json', ...RECORDED } });
    },
  );

  it('an answer without headers (204) gets the recorded set', () => {
    expect(run('after', { statusCode: 204 })).toEqual({ statusCode: 204, headers: RECORDED });
  });

  it('onError leaves a missing answer missing (the error handler answers later)', () => {
    expect(run('onError', undefined)).toBeUndefined();
  });

  it('a bare body or no answer is normalised as middy does (200 with the body, or 500)', () => {
    expect(run('after', 'plain')).toEqual({ statusCode: 200, body: 'plain', headers: RECORDED });
    expect(run('after', undefined)).toEqual({ statusCode: 500, headers: RECORDED });
  });
});
