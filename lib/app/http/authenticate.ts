import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Unauthenticated } from '../../core/errors.js';
import { operatorForKey } from '../../core/operators.js';
import { authenticateSession } from '../../sessions/authenticateSession.js';
import { state } from '../../core/http/context.js';
import type { Auth } from '../../core/http/route.js';
import { servicesClosed } from '../../core/messages.js';

/** Session hook: a Bearer token must name a live session; the account ID comes only from it. */
export function sessionAuth(optional = false): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async function sessionAuthBefore(request) {
      const s = state(request);
      const header = s.request.headers.authorization ?? '';
      if (optional && !header) return;
      const match = /^Bearer ([A-Za-z0-9_\-.]{16,256})$/.exec(header);
      if (!match?.[1]) throw new Unauthenticated();
      s.session = await authenticateSession(match[1]);
    },
  };
}

/** Operator hook: the x-operator-key header names an operator (lib/core/operators.ts); its ID goes to the handler. */
export function operatorKey(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function operatorKeyBefore(request) {
      const s = state(request);
      const operator = operatorForKey(s.request.headers['x-operator-key'] ?? '');
      if (!operator) throw new Unauthenticated('A valid operator key is required.');
      s.operator = operator;
    },
  };
}

export function authFor(auth: Auth): middy.MiddlewareObj<APIGatewayProxyEventV2>[] {
  if (auth === 'session') return [sessionAuth()];
  if (auth === 'optional') return [sessionAuth(true)];
  if (auth === 'operator') return [operatorKey()];
  return [];
}

/**
 * R-CL-10, R-LI-06: during the retention period a closed account may log in and read, but every
 * mutating route answers 422 NOT_ALLOWED except the ones marked `allowedWhenClosed`. (Writes also
 * condition on the account status, so a race with a closure cannot slip through.)
 */
export function closedAccountGuard(method: string, allowedWhenClosed: boolean): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function closedAccountGuardBefore(request) {
      const session = state(request).session;
      if (method === 'GET' || allowedWhenClosed || session?.status !== 'closed') return;
      throw servicesClosed();
    },
  };
}
