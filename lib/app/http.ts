/**
 * The HTTP edge as the product runs it: the core middy factory with session authentication (sessions
 * area), the closed-account guard (R-CL-10) and, in the local stage only, the test clock. Every handler
 * file imports `httpHandler` from here.
 */
import { config } from '../core/config.js';
import { makeHttpHandler } from '../core/http/handler.js';
import { idempotency } from '../core/http/middlewares/idempotency.js';
import { authFor, closedAccountGuard } from './http/authenticate.js';
import { testClock } from './http/test-clock.js';
import './local.js';

export const httpHandler = makeHttpHandler({
  before: () => (config.testClock ? [testClock()] : []),
  auth: authFor,
  guard: (spec) => (spec.auth === 'session' ? [closedAccountGuard(spec.method, spec.allowedWhenClosed ?? false)] : []),
  idempotency,
});
