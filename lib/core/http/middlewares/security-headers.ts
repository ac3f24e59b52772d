import type middy from '@middy/core';

/**
 * Issue 10 (bundle budget, −5.4 KB per function measured): the headers @middy/http-security-headers 7.9.2 set with
 * its defaults (helmet's), as fixed strings instead of that package's option schema and header builders. Same set
 * and values on every answer, problems included (test/unit/core/http/security-headers.test.ts holds the recorded set).
 */
const PERMISSIONS = [
  'accelerometer',
  'all-screens-capture',
  'ambient-light-sensor',
  'autoplay',
  'battery',
  'camera',
  'cross-origin-isolated',
  'display-capture',
  'document-domain',
  'encrypted-media',
  'execution-while-not-rendered',
  'execution-while-out-of-viewport',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'keyboard-map',
  'magnetometer',
  'microphone',
  'midi',
  'monetization',
  'navigation-override',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'sync-xhr',
  'usb',
  'web-share',
  'xr-spatial-tracking',
  'clipboard-read',
  'clipboard-write',
  'gamepad',
  'speaker-selection',
  'conversion-measurement',
  'focus-without-user-activation',
  'hid',
  'idle-detection',
  'interest-cohort',
  'serial',
  'sync-script',
  'trust-token-redemption',
  'window-placement',
  'vertical-scroll',
];

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'report-sample' 'report-sha256'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; report-to default; require-trusted-types-for 'script'; sandbox; upgrade-insecure-requests",
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS.map((feature) => `${feature}=()`).join(', '),
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

type Response = { statusCode?: number; body?: unknown; headers?: Record<string, string | number | boolean> };

export function securityHeaders(): middy.MiddlewareObj {
  const set = (request: middy.Request) => {
    // As middy's normalizeHttpResponse: a bare value becomes the body of a 200, no answer a 500.
    let response = request.response as Response | undefined;
    if (response === undefined) response = {};
    else if (response?.statusCode === undefined && response?.body === undefined && response?.headers === undefined) {
      response = { statusCode: 200, body: response };
    }
    response.statusCode ??= 500;
    response.headers ??= {};
    Object.assign(response.headers, SECURITY_HEADERS);
    delete response.headers.Server;
    delete response.headers['X-Powered-By'];
    request.response = response;
  };
  return {
    after: function securityHeadersAfter(request) {
      set(request);
    },
    onError: function securityHeadersOnError(request) {
      if (request.response !== undefined) set(request);
    },
  };
}
