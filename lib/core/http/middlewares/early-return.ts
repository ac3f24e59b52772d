import type middy from '@middy/core';

/**
 * A middleware that returns early (an idempotent replay) makes middy skip every `after` hook, so the
 * answer would lose CORS, the security headers, Cache-Control and X-Request-Id (issue 9 item 12a).
 * As Powertools does (commons `cleanupMiddlewares`), the edge middlewares register their `after`
 * hooks here, and the early returner runs them before answering.
 */
const CLEANUP = 'account-center.early-return-cleanup';

type Hook = middy.MiddlewareFn;

/** Registers the `after` hooks of `middlewares` (given outermost first) to run on an early return. */
export function earlyReturnCleanup(middlewares: middy.MiddlewareObj[]): middy.MiddlewareObj {
  const hooks = middlewares.flatMap((m) => (m.after ? [m.after as Hook] : [])).reverse();
  return {
    before: function earlyReturnCleanupBefore(request) {
      (request.internal as Record<string, unknown>)[CLEANUP] = async () => {
        for (const hook of hooks) await hook(request);
      };
    },
  };
}

/** Runs the registered edge `after` hooks on `request.response` (call it right before returning early). */
export async function runEarlyReturnCleanup(request: middy.Request): Promise<void> {
  const cleanup = (request.internal as Record<string, unknown>)[CLEANUP];
  if (typeof cleanup === 'function') await (cleanup as () => Promise<void>)();
}
