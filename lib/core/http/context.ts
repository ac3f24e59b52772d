import type { Operator } from '../operators.js';
import type { RequestInfo, Session } from './route.js';

/** What the middlewares learn about a request and hand to the handler (kept on request.internal-like state). */
export interface HttpState {
  startedAt: number;
  request: RequestInfo;
  session?: Session;
  /** The operator an x-operator-key named (operator routes). */
  operator?: Operator;
  /** Set while this request holds an Idempotency-Key record (R-SEC-04). */
  idempotency?: { key: { pk: string; sk: string }; idemKey: string; owner: string };
  input: { body?: unknown; params?: unknown; query?: unknown };
}

const STATE = Symbol.for('account-center.http-state');

export function state(request: { context: object }): HttpState {
  const ctx = request.context as Record<symbol, HttpState | undefined>;
  let s = ctx[STATE];
  if (!s) {
    s = {
      startedAt: performance.now(),
      request: { requestId: '', sourceIp: '', userAgent: '', headers: {} },
      input: {},
    };
    ctx[STATE] = s;
  }
  return s;
}
