import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { config } from '../../config.js';
import { keyedHash } from '../../crypto.js';
import { Conflict, ValidationFailed } from '../../errors.js';
import { logger } from '../../logger.js';
import * as keys from '../../store/key-builders.js';
import { claimIdempotencyKey, keepIdempotentAnswer, loadIdempotencyRecord, releaseIdempotencyKey } from '../../store/idempotency.js';
import { state } from '../context.js';
import { runEarlyReturnCleanup } from './early-return.js';

/**
 * R-SEC-04 `Idempotency-Key` on POST routes that create: the first answer is kept for 24 h and a
 * replay with the same body gets it again without running anything; the same key with another body
 * is 409. A replay after the 24 h runs afresh; a first attempt that died keeps the key only for its lease. The kept answer may hold a session token, so it is stored encrypted under a key derived from
 * the client's Idempotency-Key (which the table holds only as a keyed hash). Each claim stores a random
 * `owner`; the write-back of the answer and the delete after a failure are conditional on it, so an attempt
 * that outlived its lease never touches the record of the attempt that took over (issue 9 item 12).
 */
export function idempotency(operationId: string): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  // Scoped by who calls: the account, else the operator (operator routes), else anonymous.
  const caller = (s: ReturnType<typeof state>) => s.session?.accountId ?? (s.operator ? `operator:${s.operator.operatorId}` : 'anonymous');
  const itemKey = (request: middy.Request<APIGatewayProxyEventV2>, idemKey: string) =>
    keys.idempotency(`${operationId}#${caller(state(request))}`, keyedHash('idempotency', idemKey));
  return {
    before: async function idempotencyBefore(request) {
      const idemKey = state(request).request.headers['idempotency-key'];
      if (idemKey === undefined) return undefined;
      if (!/^[A-Za-z0-9_\-:.]{8,128}$/.test(idemKey)) {
        throw new ValidationFailed([{ path: 'header.idempotency-key', message: 'Use 8 to 128 letters, digits, _ - : or .' }]);
      }
      // Keyed (issue 13 review): an unkeyed digest of a body whose other fields are stored in clear would give
      // away a secret field (a certificate number) to an offline search.
      const bodyHash = keyedHash('idempotency-body', typeof request.event.body === 'string' ? request.event.body : '');
      const key = itemKey(request, idemKey);
      // Two rounds at most: the record may disappear (a failed first attempt) between our write and our read.
      for (let round = 0; round < 2; round += 1) {
        const owner = randomBytes(16).toString('base64url');
        if (await claimIdempotencyKey(key, bodyHash, leaseMs(request.context), owner)) {
          state(request).idempotency = { key, idemKey, owner };
          return undefined;
        }
        const Item = await loadIdempotencyRecord(key);
        if (!Item) continue;
        if (Item.bodyHash !== bodyHash) {
          throw new Conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body.');
        }
        if (Item.state !== 'done') throw new Conflict('STATE_CONFLICT', 'The first request with this Idempotency-Key is still running.');
        // A replay: answer the kept response, but through the edge `after` hooks that middy skips on an early return.
        request.response = { ...(JSON.parse(open(idemKey, Item.response ?? '')) as APIGatewayProxyStructuredResultV2) };
        await runEarlyReturnCleanup(request as unknown as middy.Request);
        return request.response;
      }
      throw new Conflict('STATE_CONFLICT', 'The first request with this Idempotency-Key is still running.');
    },
    after: async function idempotencyAfter(request) {
      const held = state(request).idempotency;
      const response = request.response;
      if (!held || !response) return;
      // Only while this attempt still holds the key (issue 9 item 12): one that outlived its lease and was
      // taken over must not overwrite the other's answer, nor recreate a record that is gone.
      if (!(await keepIdempotentAnswer(held.key, held.owner, seal(held.idemKey, JSON.stringify(response))))) {
        logger.warn('idempotency key taken over');
      }
    },
    onError: async function idempotencyOnError(request) {
      const held = state(request).idempotency;
      // A failed first attempt keeps nothing: the client may retry with the same key. Only its own record.
      if (held) await releaseIdempotencyKey(held.key, held.owner);
    },
  };
}

/**
 * The in-progress lease ends when this invocation must have ended (issue 9 item 12b): a first attempt that
 * timed out leaves a `running` record whose lease has passed, and a retry takes it over.
 */
function leaseMs(context: Context): number {
  const remaining = typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : 0;
  const { minLeaseSeconds, defaultLeaseSeconds, maxLeaseSeconds } = config.idempotency;
  return Math.max(minLeaseSeconds * 1000, Math.min(remaining > 0 ? remaining : defaultLeaseSeconds * 1000, maxLeaseSeconds * 1000));
}

function keyFor(idemKey: string): Buffer {
  return createHmac('sha256', config.hmacSecret).update(`idempotency-response\u0000${idemKey}`).digest();
}

function seal(idemKey: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(idemKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

function open(idemKey: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyFor(idemKey), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}
