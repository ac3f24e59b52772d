import type middy from '@middy/core';

/**
 * Issue 9 item 5: `Cache-Control: no-store` on every API answer, problems included. Answers carry session
 * and device tokens, codes, revealed contact data or per-account state; none is worth caching, so one
 * rule for all is safer than a per-route flag that a new route could forget.
 */
export function noStore(): middy.MiddlewareObj {
  const set = (request: middy.Request) => {
    const response = request.response as { headers?: Record<string, string> } | undefined;
    if (response) response.headers = { ...response.headers, 'Cache-Control': 'no-store' };
  };
  return {
    after: function noStoreAfter(request) {
      set(request);
    },
    onError: function noStoreOnError(request) {
      set(request);
    },
  };
}
