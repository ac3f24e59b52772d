/**
 * Operator identity (issue 9 item 9): the x-operator-key header names an operator by its key. The key's
 * SHA-256 is compared in constant time with every configured hash (no early exit), so neither which
 * operator nor how much of a key matched shows in the timing.
 */
import { createHash } from 'node:crypto';
import { config } from './config.js';
import { safeEqual } from './crypto.js';

export interface Operator {
  operatorId: string;
}

/** The audit actor of an operator: never mistaken for an account ID. */
export const operatorActor = (operator: Operator) => `operator:${operator.operatorId}`;

export function operatorForKey(key: string, keys: Record<string, string> = config.operatorKeys): Operator | undefined {
  const given = createHash('sha256').update(key).digest('hex');
  let found: string | undefined;
  for (const [operatorId, hash] of Object.entries(keys)) {
    if (safeEqual(given, hash) && key !== '') found = operatorId;
  }
  return found === undefined ? undefined : { operatorId: found };
}
