/**
 * Every key pattern and access pattern of the single table, in one place.
 *
 * Table: pk (S), sk (S); ttl (N, epoch seconds) for ephemeral items.
 * GSI "gsi1": gsi1pk / gsi1sk — general reverse look-ups and lists.
 * GSI "due":  duePk / dueSk  — sparse; only items waiting for the scheduler carry these attributes.
 *
 * | access pattern                          | key condition                                  | index |
 * |-----------------------------------------|------------------------------------------------|-------|
 * | account by ID                           | pk = ACCOUNT#<id>, sk = PROFILE                | table |
 * | unique value → account (kind: EMAIL, MOBILE, SVCMOBILE, SVCEMAIL, LOGINID, TENANT, CERT) | pk = CLAIM#<kind>#<value>, sk = CLAIM | table |
 * | session by token                        | pk = SESSION#<hmac(token)>, sk = SESSION       | table |
 * | trusted device by token                 | pk = DEVICE#<hmac(token)>, sk = DEVICE         | table |
 * | verification or login challenge by ID   | pk = CHALLENGE#<id>, sk = CHALLENGE            | table |
 * | code sends of a destination/account/IP  | pk = RATE#<dest|account|source>#<hmac>, sk = SENDS | table |
 * | failed sign-ins of a source, this hour  | pk = RATE#loginfail#<hmac(ip)>, sk = <hour>    | table |
 * | idempotency record                      | pk = IDEMPOTENCY#<scope>#<key>, sk = RECORD    | table |
 * | account's audit traces, newest first    | pk = ACCOUNT#<id>#AUDIT, sk begins <iso time>  | table |
 * | account's timers                        | pk = ACCOUNT#<id>, sk begins TIMER#            | table |
 * | account's currency history, oldest first | pk = ACCOUNT#<id>, sk begins CURRENCY#         | table |
 * | account's message recipients            | pk = ACCOUNT#<id>, sk begins RECIPIENT#        | table |
 * | account's uploaded material by ID       | pk = ACCOUNT#<id>, sk = MATERIAL#<id>          | table |
 * | account's standing (billing facts)      | pk = ACCOUNT#<id>, sk = STANDING               | table |
 * | account's latest closure check          | pk = ACCOUNT#<id>, sk = CLOSURE#LATEST_CHECK   | table |
 * | all items of an account (disabling)     | pk = ACCOUNT#<id>                              | table |
 * | due timers and unpublished notices      | duePk = DUE#<shard>, dueSk <= <now iso>        | due   |
 * | outbox notice by ID                     | pk = OUTBOX#<id>, sk = OUTBOX                  | table |
 * | local test clock                        | pk = LOCAL#CLOCK, sk = CLOCK                   | table |
 * | local messages to a destination         | pk = LOCAL#MSG#<to>, sk begins <iso time>      | table |
 * | all local messages, newest first        | gsi1pk = LOCAL#MSG, gsi1sk begins <iso time>   | gsi1  |
 */
import { createHash } from 'node:crypto';
import { config } from '../config.js';

export interface Key {
  pk: string;
  sk: string;
}

export type ClaimKind = 'EMAIL' | 'MOBILE' | 'SVCMOBILE' | 'SVCEMAIL' | 'LOGINID' | 'TENANT' | 'CERT';

export const keys = {
  account: (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'PROFILE' }),
  claim: (kind: ClaimKind, value: string): Key => ({ pk: `CLAIM#${kind}#${value}`, sk: 'CLAIM' }),
  session: (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  device: (tokenHash: string): Key => ({ pk: `DEVICE#${tokenHash}`, sk: 'DEVICE' }),
  challenge: (challengeId: string): Key => ({ pk: `CHALLENGE#${challengeId}`, sk: 'CHALLENGE' }),
  rateWindow: (scope: string, keyHash: string, window: string): Key => ({ pk: `RATE#${scope}#${keyHash}`, sk: window }),
  idempotency: (scope: string, key: string): Key => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'RECORD' }),
  auditPartition: (accountId: string): string => `ACCOUNT#${accountId}#AUDIT`,
  auditTrace: (accountId: string, timeIso: string, id: string): Key => ({
    pk: `ACCOUNT#${accountId}#AUDIT`,
    sk: `${timeIso}#${id}`,
  }),
  timer: (accountId: string, kind: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: `TIMER#${kind}` }),
  currencyChange: (accountId: string, timeIso: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: `CURRENCY#${timeIso}` }),
  recipient: (accountId: string, recipientId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: `RECIPIENT#${recipientId}` }),
  material: (accountId: string, materialId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: `MATERIAL#${materialId}` }),
  standing: (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'STANDING' }),
  latestClosureCheck: (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'CLOSURE#LATEST_CHECK' }),
  outbox: (id: string): Key => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  clock: (): Key => ({ pk: 'LOCAL#CLOCK', sk: 'CLOCK' }),
  localMessage: (to: string, timeIso: string, id: string): Key => ({ pk: `LOCAL#MSG#${to}`, sk: `${timeIso}#${id}` }),
  localMessagesPartition: (to: string): string => `LOCAL#MSG#${to}`,
  localMessagesAll: 'LOCAL#MSG',
  /** Prefix of an account's recipient items (query with begins_with under `accountPartition`). */
  recipientPrefix: 'RECIPIENT#',
  /** Prefix of an account's currency history items. */
  currencyPrefix: 'CURRENCY#',
  /** The partition of every item of an account (its profile, recipients, currency history, timers...). */
  accountPartition: (accountId: string): string => `ACCOUNT#${accountId}`,
} as const;

/** Shard of the sparse due-time index for an item; stable per owner so one owner's timers share a shard. */
export function dueShard(ownerId: string): string {
  const n = createHash('sha256').update(ownerId).digest().readUInt32BE(0) % config.scheduler.dueShards;
  return `DUE#${n}`;
}

export function allDueShards(): string[] {
  return Array.from({ length: config.scheduler.dueShards }, (_, n) => `DUE#${n}`);
}

/** Attributes that put an item into the due index: due at `dueAtIso`, tie-broken by `id`. */
export function dueAttributes(ownerId: string, dueAtIso: string, id: string): { duePk: string; dueSk: string } {
  return { duePk: dueShard(ownerId), dueSk: `${dueAtIso}#${id}` };
}
