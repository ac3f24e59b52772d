/**
 * Every access pattern of the single table, as data (in the shape of an ElectroDB model's `indexes`): for each
 * pattern what it answers (`doc`), the index it reads, its key builders (merged into `keys`, lib/core/store/keys.ts)
 * and, for a query, its key condition. docs/data-model.md’s table is generated from this file
 * (`npx tsx scripts/sync-data-model.ts`; test/unit/docs/data-model.test.ts fails when the doc is stale).
 *
 * Table: pk (S), sk (S); ttl (N, epoch seconds) for ephemeral items.
 * GSI "gsi1": gsi1pk / gsi1sk — general reverse look-ups and lists.
 * GSI "due":  duePk / dueSk  — sparse; only items waiting for the scheduler carry these attributes.
 *
 * Adding a pattern: add an entry here (builders named as callers will call `keys.<name>`), run the script.
 * Pure: no SDK, no config, so scripts and tests can import it alone.
 */

export interface Key {
  pk: string;
  sk: string;
}

export type ClaimKind = 'EMAIL' | 'MOBILE' | 'SVCMOBILE' | 'SVCEMAIL' | 'LOGINID' | 'TENANT' | 'CERT';

/** The table and its indexes: the attribute names of each one's partition and sort key. */
export const indexes = {
  table: { name: undefined, pk: 'pk', sk: 'sk' },
  gsi1: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  due: { name: 'due', pk: 'duePk', sk: 'dueSk' },
} as const;

export type IndexId = keyof typeof indexes;

/** A query's key condition: the partition, and optionally how the sort key is bounded. */
export interface KeyCondition {
  pk: string;
  sk?: { beginsWith: string } | { atMost: string };
}

// Builders have any parameter list; their own types are kept by `satisfies`.
type Builder = ((...args: any[]) => Key | string) | string;

export interface AccessPattern {
  /** What the pattern answers (one line of the docs table). */
  doc: string;
  index: IndexId;
  /** The key builders this pattern provides; each becomes `keys.<name>`. */
  keys?: Record<string, Builder>;
  /** For a single-item read: the item's key, given the placeholders of `shown`. */
  get?: (...placeholders: string[]) => Key;
  /** For a query: the key condition, given the placeholders of `shown` (also callable with real values). */
  query?: (...args: string[]) => KeyCondition;
  /** The placeholders the docs show for `get`/`query`. */
  shown: readonly string[];
}

const account = (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'PROFILE' });
const accountPartition = (accountId: string): string => `ACCOUNT#${accountId}`;
const claim = (kind: ClaimKind, value: string): Key => ({ pk: `CLAIM#${kind}#${value}`, sk: 'CLAIM' });
const rateWindow = (scope: string, keyHash: string, window: string): Key => ({ pk: `RATE#${scope}#${keyHash}`, sk: window });
const auditPartition = (accountId: string): string => `ACCOUNT#${accountId}#AUDIT`;
const timer = (accountId: string, kind: string): Key => ({ pk: accountPartition(accountId), sk: `TIMER#${kind}` });
const currencyChange = (accountId: string, timeIso: string): Key => ({ pk: accountPartition(accountId), sk: `CURRENCY#${timeIso}` });
const recipient = (accountId: string, recipientId: string): Key => ({ pk: accountPartition(accountId), sk: `RECIPIENT#${recipientId}` });
const material = (accountId: string, materialId: string): Key => ({ pk: accountPartition(accountId), sk: `MATERIAL#${materialId}` });
const standing = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'STANDING' });
const latestClosureCheck = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'CLOSURE#LATEST_CHECK' });
const accountFacts = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'FACTS' });
const session = (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' });
const device = (tokenHash: string): Key => ({ pk: `DEVICE#${tokenHash}`, sk: 'DEVICE' });
const challenge = (challengeId: string): Key => ({ pk: `CHALLENGE#${challengeId}`, sk: 'CHALLENGE' });
const idempotency = (scope: string, key: string): Key => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'RECORD' });
const outbox = (id: string): Key => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });
const clock = (): Key => ({ pk: 'LOCAL#CLOCK', sk: 'CLOCK' });
const duePartition = (shard: number | string): string => `DUE#${shard}`;
const localMessagesPartition = (to: string): string => `LOCAL#MSG#${to}`;
const localMessagesAll = 'LOCAL#MSG';
const auditTrace = (accountId: string, timeIso: string, id: string): Key => ({ pk: auditPartition(accountId), sk: `${timeIso}#${id}` });
const localMessage = (to: string, timeIso: string, id: string): Key => ({ pk: localMessagesPartition(to), sk: `${timeIso}#${id}` });
const handshake = (requestId: string): Key => ({ pk: `HANDSHAKE#${requestId}`, sk: 'REQUEST' });
const handshakeOpen = (kind: string, scope: string): Key => ({ pk: `HANDSHAKE#OPEN#${kind}#${scope}`, sk: 'OPEN' });
const handshakesOfPartyPartition = (partyId: string, kind: string): string => `PARTY#${partyId}#HANDSHAKE#${kind}`;
const handshakeOfParty = (partyId: string, kind: string, createdIso: string, requestId: string): Key => ({
  pk: handshakesOfPartyPartition(partyId, kind),
  sk: `${createdIso}#${requestId}`,
});

/**
 * The key conditions of the query patterns, with their index, apart from `patterns` so that a bundle that only
 * queries does not carry the docs data; `patterns` points at these, so each is written once.
 */
const auditTracesQuery = (accountId: string, fromIso = ''): KeyCondition => ({
  pk: auditPartition(accountId),
  sk: { beginsWith: fromIso },
});
const timersQuery = (accountId: string): KeyCondition => ({ pk: accountPartition(accountId), sk: { beginsWith: 'TIMER#' } });
const currencyHistoryQuery = (accountId: string): KeyCondition => ({ pk: accountPartition(accountId), sk: { beginsWith: 'CURRENCY#' } });
const recipientsQuery = (accountId: string): KeyCondition => ({ pk: accountPartition(accountId), sk: { beginsWith: 'RECIPIENT#' } });
const accountItemsQuery = (accountId: string): KeyCondition => ({ pk: accountPartition(accountId) });
const dueQuery = (shard: number | string, nowIso: string): KeyCondition => ({ pk: duePartition(shard), sk: { atMost: nowIso } });
const localMessagesToQuery = (to: string, fromIso = ''): KeyCondition => ({ pk: localMessagesPartition(to), sk: { beginsWith: fromIso } });
const localMessagesAllQuery = (fromIso = ''): KeyCondition => ({ pk: localMessagesAll, sk: { beginsWith: fromIso } });
const handshakesOfPartyQuery = (partyId: string, kind: string): KeyCondition => ({ pk: handshakesOfPartyPartition(partyId, kind) });

export const patternQueries = {
  auditTraces: { index: 'table' as const, condition: auditTracesQuery },
  timers: { index: 'table' as const, condition: timersQuery },
  currencyHistory: { index: 'table' as const, condition: currencyHistoryQuery },
  recipients: { index: 'table' as const, condition: recipientsQuery },
  accountItems: { index: 'table' as const, condition: accountItemsQuery },
  due: { index: 'due' as const, condition: dueQuery },
  localMessagesTo: { index: 'table' as const, condition: localMessagesToQuery },
  localMessagesAll: { index: 'gsi1' as const, condition: localMessagesAllQuery },
  handshakesOfParty: { index: 'table' as const, condition: handshakesOfPartyQuery },
};

export const patterns = {
  account: {
    doc: 'account by ID',
    index: 'table',
    keys: { account, accountPartition },
    get: account,
    shown: ['<id>'],
  },
  claim: {
    doc: 'unique value → account (kind: EMAIL, MOBILE, SVCMOBILE, SVCEMAIL, LOGINID, TENANT, CERT)',
    index: 'table',
    keys: { claim },
    get: (kind, value) => claim(kind as ClaimKind, value),
    shown: ['<kind>', '<value>'],
  },
  session: {
    doc: 'session by token',
    index: 'table',
    keys: { session },
    get: session,
    shown: ['<hmac(token)>'],
  },
  device: {
    doc: 'trusted device by token',
    index: 'table',
    keys: { device },
    get: device,
    shown: ['<hmac(token)>'],
  },
  challenge: {
    doc: 'verification or login challenge by ID',
    index: 'table',
    keys: { challenge },
    get: challenge,
    shown: ['<id>'],
  },
  codeSends: {
    doc: 'code sends of a destination/account/IP',
    index: 'table',
    keys: { rateWindow },
    get: (scope, keyHash) => rateWindow(scope, keyHash, 'SENDS'),
    shown: ['<dest|account|source>', '<hmac>'],
  },
  loginFailures: {
    doc: 'failed sign-ins of a source, this hour',
    index: 'table',
    get: (ipHash, hour) => rateWindow('loginfail', ipHash, hour),
    shown: ['<hmac(ip)>', '<hour>'],
  },
  idempotency: {
    doc: 'idempotency record',
    index: 'table',
    keys: { idempotency },
    get: idempotency,
    shown: ['<scope>', '<key>'],
  },
  auditTraces: {
    doc: "account's audit traces, newest first",
    index: 'table',
    keys: {
      auditPartition,
      auditTrace,
    },
    query: auditTracesQuery,
    shown: ['<id>', '<iso time>'],
  },
  timers: {
    doc: "account's timers",
    index: 'table',
    keys: { timer },
    query: timersQuery,
    shown: ['<id>'],
  },
  currencyHistory: {
    doc: "account's currency history, oldest first",
    index: 'table',
    keys: { currencyChange },
    query: currencyHistoryQuery,
    shown: ['<id>'],
  },
  recipients: {
    doc: "account's message recipients",
    index: 'table',
    keys: { recipient },
    query: recipientsQuery,
    shown: ['<id>'],
  },
  material: {
    doc: "account's uploaded material by ID",
    index: 'table',
    keys: { material },
    get: material,
    shown: ['<id>', '<id>'],
  },
  accountFacts: {
    doc: "account's association facts (written by the areas that own them)",
    index: 'table',
    keys: { accountFacts },
    get: accountFacts,
    shown: ['<id>'],
  },
  standing: {
    doc: "account's standing (billing facts)",
    index: 'table',
    keys: { standing },
    get: standing,
    shown: ['<id>'],
  },
  latestClosureCheck: {
    doc: "account's latest closure check",
    index: 'table',
    keys: { latestClosureCheck },
    get: latestClosureCheck,
    shown: ['<id>'],
  },
  accountItems: {
    doc: 'all items of an account (disabling)',
    index: 'table',
    query: accountItemsQuery,
    shown: ['<id>'],
  },
  due: {
    doc: 'due timers and unpublished notices',
    index: 'due',
    keys: { duePartition },
    query: dueQuery,
    shown: ['<shard>', '<now iso>'],
  },
  outbox: {
    doc: 'outbox notice by ID',
    index: 'table',
    keys: { outbox },
    get: outbox,
    shown: ['<id>'],
  },
  clock: {
    doc: 'local test clock',
    index: 'table',
    keys: { clock },
    get: clock,
    shown: [],
  },
  localMessagesTo: {
    doc: 'local messages to a destination',
    index: 'table',
    keys: {
      localMessage,
      localMessagesPartition,
    },
    query: localMessagesToQuery,
    shown: ['<to>', '<iso time>'],
  },
  localMessagesAll: {
    doc: 'all local messages, newest first',
    index: 'gsi1',
    keys: { localMessagesAll },
    query: localMessagesAllQuery,
    shown: ['<iso time>'],
  },
  handshake: {
    doc: 'two-party request (handshake) by ID; kept after it ends (records, R-PD-07)',
    index: 'table',
    keys: { handshake },
    get: handshake,
    shown: ['<id>'],
  },
  handshakeOpen: {
    doc: 'the open request of a kind between a pair (or to a counterparty): at most one',
    index: 'table',
    keys: { handshakeOpen },
    get: handshakeOpen,
    shown: ['<kind>', '<pair|counterparty>'],
  },
  handshakesOfParty: {
    doc: "a party's requests of a kind (either side), newest first",
    index: 'table',
    keys: { handshakeOfParty },
    query: handshakesOfPartyQuery,
    shown: ['<party id>', '<kind>'],
  },
} as const satisfies Record<string, AccessPattern>;

export type PatternName = keyof typeof patterns;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type BuildersOf<P> = UnionToIntersection<{ [K in keyof P]: P[K] extends { keys: infer B } ? B : never }[keyof P]>;

/** Every key builder of every pattern, by name (re-exported as `keys` by keys.ts). */
export type PatternKeys = BuildersOf<typeof patterns>;

/**
 * Every pattern's key builders, by name. Listed rather than computed from `patterns` so that a bundle needing
 * only keys does not carry the docs data (3 KB); the type makes the compiler hold the two equal: a builder a
 * pattern declares and this object lacks, or one this object has and no pattern declares, fails `tsc`.
 */
export const patternKeys: PatternKeys = {
  account,
  accountPartition,
  claim,
  session,
  device,
  challenge,
  rateWindow,
  idempotency,
  auditPartition,
  auditTrace,
  timer,
  currencyChange,
  recipient,
  material,
  standing,
  accountFacts,
  latestClosureCheck,
  duePartition,
  outbox,
  clock,
  localMessage,
  localMessagesPartition,
  localMessagesAll,
  handshake,
  handshakeOpen,
  handshakeOfParty,
};

/** The same builders as named exports: keys.ts re-exports them as a namespace, so a bundle keeps only those it uses. */
export {
  account,
  accountPartition,
  claim,
  session,
  device,
  challenge,
  rateWindow,
  idempotency,
  auditPartition,
  auditTrace,
  timer,
  currencyChange,
  recipient,
  material,
  standing,
  accountFacts,
  latestClosureCheck,
  duePartition,
  outbox,
  clock,
  localMessage,
  localMessagesPartition,
  localMessagesAll,
  handshake,
  handshakeOpen,
  handshakeOfParty,
};

/** A query's `IndexName`, `KeyConditionExpression` and values for a pattern's key condition. */
export function keyCondition(
  index: IndexId,
  c: KeyCondition,
): {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeValues: Record<string, string>;
} {
  const ix = indexes[index];
  const values: Record<string, string> = { ':pk': c.pk };
  let expression = `${ix.pk} = :pk`;
  if (c.sk && 'beginsWith' in c.sk && c.sk.beginsWith !== '') {
    expression += ` AND begins_with(${ix.sk}, :sk)`;
    values[':sk'] = c.sk.beginsWith;
  } else if (c.sk && 'atMost' in c.sk) {
    expression += ` AND ${ix.sk} <= :sk`;
    values[':sk'] = c.sk.atMost;
  }
  return { ...(ix.name ? { IndexName: ix.name } : {}), KeyConditionExpression: expression, ExpressionAttributeValues: values };
}

/** The query input of a query pattern, e.g. `{ TableName: TABLE(), ...query('recipients', accountId) }`. */
export function query<N extends keyof typeof patternQueries>(
  name: N,
  ...args: Parameters<(typeof patternQueries)[N]['condition']>
): ReturnType<typeof keyCondition> {
  const q = patternQueries[name];
  return keyCondition(q.index, (q.condition as (...a: unknown[]) => KeyCondition)(...args));
}
