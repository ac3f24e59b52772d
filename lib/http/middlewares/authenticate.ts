import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from '../../config.js';
import { safeEqual } from '../../crypto.js';
import { Unauthenticated } from '../../errors.js';
import { authenticateSession } from '../../sessions/authenticate.js';
import { state } from '../context.js';
import type { Auth } from '../route.js';

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

/** Operator hook: the x-operator-key header, compared in constant time with the configured secret. */
export function operatorKey(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: function operatorKeyBefore(request) {
      const given = state(request).request.headers['x-operator-key'] ?? '';
      if (!config.operatorKey || !safeEqual(given, config.operatorKey)) {
        throw new Unauthenticated('A valid operator key is required.');
      }
    },
  };
}

export function authFor(auth: Auth): middy.MiddlewareObj<APIGatewayProxyEventV2>[] {
  if (auth === 'session') return [sessionAuth()];
  if (auth === 'optional') return [sessionAuth(true)];
  if (auth === 'operator') return [operatorKey()];
  return [];
}
