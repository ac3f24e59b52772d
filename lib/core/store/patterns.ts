/**
 * Every access pattern of the single table, as data (in the shape of an ElectroDB model's `indexes`): for each
 * pattern what it answers (`doc`), the index it reads, its key builders (declared in ./key-builders.ts, imported as the namespace `keys`)
 * and, for a query, its key condition. docs/data-model.md’s table is generated from this file
 * (`npx tsx scripts/sync-data-model.ts`; test/unit/docs/data-model.test.ts fails when the doc is stale).
 *
 * Table: pk (S), sk (S); ttl (N, epoch seconds) for ephemeral items.
 * GSI "gsi1": gsi1pk / gsi1sk — general reverse look-ups and lists.
 * GSI "due":  duePk / dueSk  — sparse; only items waiting for the scheduler carry these attributes.
 *
 * Adding a pattern: a builder in ./key-builders.ts (callers write `keys.<name>`) and an entry here; run the script.
 * Pure: no SDK, no config, so scripts and tests can import it alone.
 */
import * as k from './key-builders.js';

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
  sk?: { beginsWith: string } | { atMost: string } | { between: [string, string] };
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

import * as queries from './queries.js';

/** Every query pattern by name (the docs and the keys test read it; product code imports ./queries.js). */
export const patternQueries = queries;

export const patterns = {
  account: {
    doc: 'account by ID',
    index: 'table',
    keys: { account: k.account, accountPartition: k.accountPartition },
    get: k.account,
    shown: ['<id>'],
  },
  claim: {
    doc: 'unique value → account (kind: EMAIL, MOBILE, SVCMOBILE, SVCEMAIL, LOGINID, TENANT, CERT)',
    index: 'table',
    keys: { claim: k.claim },
    get: (kind, value) => k.claim(kind as ClaimKind, value),
    shown: ['<kind>', '<value>'],
  },
  session: {
    doc: 'session by token',
    index: 'table',
    keys: { session: k.session },
    get: k.session,
    shown: ['<hmac(token)>'],
  },
  device: {
    doc: 'trusted device by token',
    index: 'table',
    keys: { device: k.device },
    get: k.device,
    shown: ['<hmac(token)>'],
  },
  challenge: {
    doc: 'verification or login challenge by ID',
    index: 'table',
    keys: { challenge: k.challenge },
    get: k.challenge,
    shown: ['<id>'],
  },
  codeSends: {
    doc: 'code sends of a destination/account/IP',
    index: 'table',
    keys: { rateWindow: k.rateWindow },
    get: (scope, keyHash) => k.rateWindow(scope, keyHash, 'SENDS'),
    shown: ['<dest|account|source>', '<hmac>'],
  },
  loginFailures: {
    doc: 'failed sign-ins of a source, this hour',
    index: 'table',
    get: (ipHash, hour) => k.rateWindow('loginfail', ipHash, hour),
    shown: ['<hmac(ip)>', '<hour>'],
  },
  idempotency: {
    doc: 'idempotency record',
    index: 'table',
    keys: { idempotency: k.idempotency },
    get: k.idempotency,
    shown: ['<scope>', '<key>'],
  },
  auditTraces: {
    doc: "account's audit traces, newest first",
    index: 'table',
    keys: { auditPartition: k.auditPartition, auditTrace: k.auditTrace },
    query: queries.auditTracesCondition,
    shown: ['<id>', '<iso time>'],
  },
  timers: {
    doc: "account's timers",
    index: 'table',
    keys: { timer: k.timer },
    query: queries.timersCondition,
    shown: ['<id>'],
  },
  currencyHistory: {
    doc: "account's currency history, oldest first",
    index: 'table',
    keys: { currencyChange: k.currencyChange },
    query: queries.currencyHistoryCondition,
    shown: ['<id>'],
  },
  recipients: {
    doc: "account's message recipients",
    index: 'table',
    keys: { recipient: k.recipient },
    query: queries.recipientsCondition,
    shown: ['<id>'],
  },
  material: {
    doc: "account's uploaded material by ID",
    index: 'table',
    keys: { material: k.material },
    get: k.material,
    shown: ['<id>', '<id>'],
  },
  accountFacts: {
    doc: "account's association facts (written by the areas that own them)",
    index: 'table',
    keys: { accountFacts: k.accountFacts },
    get: k.accountFacts,
    shown: ['<id>'],
  },
  standing: {
    doc: "account's standing (billing facts)",
    index: 'table',
    keys: { standing: k.standing },
    get: k.standing,
    shown: ['<id>'],
  },
  latestClosureCheck: {
    doc: "account's latest closure check",
    index: 'table',
    keys: { latestClosureCheck: k.latestClosureCheck },
    get: k.latestClosureCheck,
    shown: ['<id>'],
  },
  accountItems: {
    doc: 'all items of an account (disabling)',
    index: 'table',
    query: queries.accountItemsCondition,
    shown: ['<id>'],
  },
  due: {
    doc: 'due timers and unpublished notices',
    index: 'due',
    keys: { duePartition: k.duePartition },
    query: queries.dueCondition,
    shown: ['<shard>', '<now iso>'],
  },
  outbox: {
    doc: 'outbox notice by ID',
    index: 'table',
    keys: { outbox: k.outbox },
    get: k.outbox,
    shown: ['<id>'],
  },
  clock: {
    doc: 'local test clock',
    index: 'table',
    keys: { clock: k.clock },
    get: k.clock,
    shown: [],
  },
  localMessagesTo: {
    doc: 'local messages to a destination',
    index: 'table',
    keys: { localMessage: k.localMessage, localMessagesPartition: k.localMessagesPartition },
    query: queries.localMessagesToCondition,
    shown: ['<to>', '<iso time>'],
  },
  localMessagesAll: {
    doc: 'all local messages, newest first',
    index: 'gsi1',
    keys: { localMessagesAll: k.localMessagesAll },
    query: queries.localMessagesAllCondition,
    shown: ['<iso time>'],
  },
  handshake: {
    doc: 'two-party request (handshake) by ID; kept after it ends (records, R-PD-07)',
    index: 'table',
    keys: { handshake: k.handshake },
    get: k.handshake,
    shown: ['<id>'],
  },
  handshakeOpen: {
    doc: 'the open request of a kind between a pair (or to a counterparty): at most one',
    index: 'table',
    keys: { handshakeOpen: k.handshakeOpen },
    get: k.handshakeOpen,
    shown: ['<kind>', '<pair|counterparty>'],
  },
  handshakesOfParty: {
    doc: "a party's requests of a kind (either side), newest first",
    index: 'table',
    keys: { handshakeOfParty: k.handshakeOfParty, handshakesOfPartyPartition: k.handshakesOfPartyPartition },
    query: queries.handshakesOfPartyCondition,
    shown: ['<party id>', '<kind>'],
  },
  partnerProfile: {
    doc: 'partner profile by ID (name, contacts shown to customers, administrator)',
    index: 'table',
    keys: { partnerProfile: k.partnerProfile, partnerPartition: k.partnerPartition },
    get: k.partnerProfile,
    shown: ['<partner id>'],
  },
  partnerRole: {
    doc: "an account's partner staff claim (one partner organisation per account)",
    index: 'table',
    keys: { partnerRole: k.partnerRole },
    get: k.partnerRole,
    shown: ['<id>'],
  },
  partnerMembers: {
    doc: "a partner's staff (administrator and account managers)",
    index: 'table',
    keys: { partnerMember: k.partnerMember },
    query: queries.partnerMembersCondition,
    shown: ['<partner id>'],
  },
  partnerInvitationsPerDay: {
    doc: 'invitations a partner created on a day (the daily cap, R-PA-01)',
    index: 'table',
    get: (partnerId, day) => k.rateWindow('partner-invitations', partnerId, day),
    shown: ['<partner id>', '<yyyy-mm-dd>'],
  },
  partnerInvitation: {
    doc: 'partner invitation by ID (only a keyed hash of its secret)',
    index: 'table',
    keys: { partnerInvitation: k.partnerInvitation },
    get: k.partnerInvitation,
    shown: ['<invitation id>'],
  },
  customerPartner: {
    doc: "a customer's partner pointer (at most one partner per customer)",
    index: 'table',
    keys: { customerPartner: k.customerPartner },
    get: k.customerPartner,
    shown: ['<id>'],
  },
  partnerCustomers: {
    doc: "a partner's customer associations (one item per customer, the source of truth)",
    index: 'table',
    keys: { partnerCustomer: k.partnerCustomer, partnerCustomersPartition: k.partnerCustomersPartition },
    query: queries.partnerCustomersCondition,
    shown: ['<partner id>'],
  },
  associationLog: {
    doc: 'association log of a view (customer, partner, or partner#customer), permanent, by time',
    index: 'table',
    keys: { associationLogEntry: k.associationLogEntry, associationLogPartition: k.associationLogPartition },
    query: queries.associationLogCondition,
    shown: ['<view>', '<iso time>'],
  },
  partnerCustomersByFacet: {
    doc: "a partner's customers with one facet value (all, frozen, model, manager, mobile hash, tag), by association time (R-PD-10)",
    index: 'table',
    keys: { partnerCustomerIndexRow: k.partnerCustomerIndexRow, partnerCustomerIndexPartition: k.partnerCustomerIndexPartition },
    query: queries.partnerCustomersByFacetCondition,
    shown: ['<pid>', '<facet>', '<value>', '<associated iso time>'],
  },
  partnerCustomersByPrefix: {
    doc: "a partner's customers by normalised name or account name prefix (R-PD-10)",
    index: 'table',
    query: queries.partnerCustomersByPrefixCondition,
    shown: ['<pid>', '<name|account>', '<normalised prefix>'],
  },
  partnerTicketClaim: {
    doc: 'a service ticket used to disassociate a customer (R-PD-09: single-use), permanent',
    index: 'table',
    keys: { partnerTicketClaim: k.partnerTicketClaim },
    get: k.partnerTicketClaim,
    shown: ['<ticket id>'],
  },
  quotaWindow: {
    doc: 'rolling-window quota of one scope: the use times inside the window and a version (partner disassociation requests per customer and per pair)',
    index: 'table',
    keys: { quotaWindow: k.quotaWindow },
    get: k.quotaWindow,
    shown: ['<scope>'],
  },
  realNameCertificate: {
    doc: 'the accounts one certificate (registration) number authenticates, by its keyed hash and kind: a count and the account IDs (R-RN-04, issue 13)',
    index: 'table',
    keys: { realNameCertificate: k.realNameCertificate },
    get: k.realNameCertificate,
    shown: ['<individual|enterprise>', '<keyed hash>'],
  },
  realNameApplication: {
    doc: 'a real-name application (issue 13): kind, status, details with certificate numbers as keyed hash + last 4, material IDs, decision; its review timer (sk DUE) and the member sync left to do after its approval (sk MEMBER_SYNC), both on the due index',
    index: 'table',
    keys: {
      realNameApplication: k.realNameApplication,
      realNameReviewDue: k.realNameReviewDue,
      realNameMemberSyncDue: k.realNameMemberSyncDue,
    },
    get: k.realNameApplication,
    shown: ['<application id>'],
  },
  realNameState: {
    doc: "an account's real-name state (issue 13): the approved authentication in force, the last decision, the materials it refused",
    index: 'table',
    keys: { realNameState: k.realNameState },
    get: k.realNameState,
    shown: ['<id>'],
  },
  realNameApplicationsOfAccount: {
    doc: "an account's real-name applications (index rows in its partition, so the purge reaches them; issue 13)",
    index: 'table',
    keys: { realNameAppIndex: k.realNameAppIndex },
    query: queries.realNameApplicationsOfAccountCondition,
    shown: ['<id>'],
  },
  realNameQueue: {
    doc: "the operators' real-name review queues, oldest first: `pending` by submission time, `overdue` by due time (issue 13)",
    index: 'table',
    keys: { realNameQueuePartition: k.realNameQueuePartition, realNameQueueRow: k.realNameQueueRow },
    query: queries.realNameQueueCondition,
    shown: ['<pending|overdue>'],
  },
  enterpriseProfile: {
    doc: "an enterprise master's profile (Enterprise Center enabled; open invitations counter, issue 12)",
    index: 'table',
    keys: { enterpriseProfile: k.enterpriseProfile, enterprisePartition: k.enterprisePartition },
    get: k.enterpriseProfile,
    shown: ['<master id>'],
  },
  enterpriseMembers: {
    doc: "a master's member rows (accounting mode, permissions; the source of truth, issue 12)",
    index: 'table',
    keys: { enterpriseMember: k.enterpriseMember },
    query: queries.enterpriseMembersCondition,
    shown: ['<master id>'],
  },
  memberMaster: {
    doc: "a member's master pointer (at most one master per member)",
    index: 'table',
    keys: { memberMaster: k.memberMaster },
    get: k.memberMaster,
    shown: ['<id>'],
  },
  enterpriseFormerWindows: {
    doc: "a former member's association windows under the master (R-MM-05: orders placed then stay visible), permanent",
    index: 'table',
    keys: { enterpriseFormerMember: k.enterpriseFormerMember },
    query: queries.enterpriseFormerWindowsCondition,
    shown: ['<master id>', '<member id>'],
  },
} as const satisfies Record<string, AccessPattern>;

export type PatternName = keyof typeof patterns;

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
  } else if (c.sk && 'between' in c.sk) {
    expression += ` AND ${ix.sk} BETWEEN :sk AND :skTo`;
    values[':sk'] = c.sk.between[0];
    values[':skTo'] = c.sk.between[1];
  }
  return { ...(ix.name ? { IndexName: ix.name } : {}), KeyConditionExpression: expression, ExpressionAttributeValues: values };
}

/** The query input of a query pattern, e.g. `{ TableName: TABLE(), ...query(queries.recipients, accountId) }`. */
export function query<A extends unknown[]>(
  q: { index: IndexId; condition: (...args: A) => KeyCondition },
  ...args: A
): ReturnType<typeof keyCondition> {
  return keyCondition(q.index, q.condition(...args));
}
