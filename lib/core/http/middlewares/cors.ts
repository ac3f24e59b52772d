import type middy from '@middy/core';

/**
 * Issue 10 (bundle budget, −3.7 KB per function measured): what @middy/http-cors 7.9.2 does with the options the
 * edge passes (`origins`, `headers`; no credentials, methods, maxAge, wildcard or preflight answer), without that
 * package's option schema and the branches those options never reach. Identical response headers:
 * test/unit/core/http/cors.test.ts runs both over a matrix. An allowed origin is a static one (cors-origins.mjs
 * refuses `*` and wildcards), so it is refused here too rather than silently behaving differently.
 */
export interface CorsOptions {
  /** Allowed browser origins, exact (after middy's normalisation: lower-cased scheme and host, IDN as punycode). */
  origins: readonly string[];
  /** Access-Control-Allow-Headers. */
  headers: string;
}

type Headers = Record<string, string | number | boolean>;
type Response = { statusCode?: number; body?: unknown; headers?: Headers };
type Event = { headers?: Record<string, string | undefined> };

const ASCII_ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i;

/** middy's originToPunycode for origins without `*`. */
function normalise(origin: string | undefined): string | undefined {
  if (!origin) return origin;
  if (ASCII_ORIGIN.test(origin)) return origin.toLowerCase();
  const match = origin.match(/^(https?:\/\/)(.+)$/);
  if (!match) return origin;
  const [, protocol = '', host = ''] = match;
  try {
    return protocol + new URL(`https://${host}`).host;
  } catch {
    return protocol + host;
  }
}

export function cors(options: CorsOptions): middy.MiddlewareObj {
  const allowed = new Set<string>();
  for (const origin of options.origins) {
    if (!origin) continue;
    if (origin.includes('*')) throw new Error(`CORS origin ${origin}: wildcards are not supported (lib/core/http/middlewares/cors.ts)`);
    allowed.add(normalise(origin)!);
  }
  const many = options.origins.length > 1;

  const after = (request: middy.Request) => {
    // As middy's normalizeHttpResponse: a bare value becomes the body of a 200, no answer a 500.
    let response = request.response as Response | undefined;
    if (response === undefined) response = {};
    else if (response?.statusCode === undefined && response?.body === undefined && response?.headers === undefined) {
      response = { statusCode: 200, body: response };
    }
    response.statusCode ??= 500;
    const headers: Headers = { ...response.headers };
    // middy rewrites an answer's own Access-Control-Allow-Credentials only to the value it has; without credentials
    // and wildcards it decides nothing else.
    if (options.headers && !Object.hasOwn(headers, 'Access-Control-Allow-Headers'))
      headers['Access-Control-Allow-Headers'] = options.headers;
    let reflects = false;
    if (!Object.hasOwn(headers, 'Access-Control-Allow-Origin')) {
      const eventHeaders = (request.event as Event).headers ?? {};
      const origin = normalise(eventHeaders.Origin ?? eventHeaders.origin);
      if (origin !== undefined && allowed.has(origin)) {
        headers['Access-Control-Allow-Origin'] = origin;
        reflects = true;
      }
    }
    if (many || reflects) {
      const name = headers.vary ? 'vary' : 'Vary';
      headers[name] = headers[name] ? `${headers[name]}, Origin` : 'Origin';
    }
    response.headers = headers;
    request.response = response;
  };
  return {
    after: function corsAfter(request) {
      after(request);
    },
    onError: function corsOnError(request) {
      if (request.response !== undefined) after(request);
    },
  };
}
