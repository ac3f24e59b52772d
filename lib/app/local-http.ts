/**
 * The edge of the local stage's own tools that need neither a session nor an Idempotency-Key (the scheduler trigger):
 * the same core factory and test clock as lib/app/http.ts, without session authentication, the closed-account guard
 * or idempotency, so the trigger's bundle (it carries every due processor) stays within the 300 KB budget
 * (issue 13: 303.7 KB with the product edge).
 */
import { config } from '../core/config.js';
import { makeHttpHandler } from '../core/http/handler.js';
import { testClock } from './http/test-clock.js';
import './local.js';

export const localToolHandler = makeHttpHandler({
  before: () => (config.testClock ? [testClock()] : []),
  auth: () => [],
  guard: () => [],
});
