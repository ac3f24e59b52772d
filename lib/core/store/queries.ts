/**
 * The key conditions of the query patterns, each with its index: one named export per pattern. Stores import this
 * module as a namespace (`import * as queries from '…/core/store/queries.js'`) and call `query(queries.<name>, …)`,
 * so a bundle keeps only the conditions it uses (issue 11: a new pattern no longer costs every function's bundle).
 * ./patterns.ts points at these for the docs, so each is written once. Pure.
 */
import * as k from './key-builders.js';
import type { KeyCondition } from './patterns.js';

export const auditTracesCondition = (accountId: string, fromIso = ''): KeyCondition => ({
  pk: k.auditPartition(accountId),
  sk: { beginsWith: fromIso },
});
export const auditTraces = { index: 'table' as const, condition: auditTracesCondition };
export const timersCondition = (accountId: string): KeyCondition => ({ pk: k.accountPartition(accountId), sk: { beginsWith: 'TIMER#' } });
export const timers = { index: 'table' as const, condition: timersCondition };
export const currencyHistoryCondition = (accountId: string): KeyCondition => ({
  pk: k.accountPartition(accountId),
  sk: { beginsWith: 'CURRENCY#' },
});
export const currencyHistory = { index: 'table' as const, condition: currencyHistoryCondition };
export const recipientsCondition = (accountId: string): KeyCondition => ({
  pk: k.accountPartition(accountId),
  sk: { beginsWith: 'RECIPIENT#' },
});
export const recipients = { index: 'table' as const, condition: recipientsCondition };
export const accountItemsCondition = (accountId: string): KeyCondition => ({ pk: k.accountPartition(accountId) });
export const accountItems = { index: 'table' as const, condition: accountItemsCondition };
export const dueCondition = (shard: number | string, nowIso: string): KeyCondition => ({
  pk: k.duePartition(shard),
  sk: { atMost: nowIso },
});
export const due = { index: 'due' as const, condition: dueCondition };
export const localMessagesToCondition = (to: string, fromIso = ''): KeyCondition => ({
  pk: k.localMessagesPartition(to),
  sk: { beginsWith: fromIso },
});
export const localMessagesTo = { index: 'table' as const, condition: localMessagesToCondition };
export const localMessagesAllCondition = (fromIso = ''): KeyCondition => ({ pk: k.localMessagesAll, sk: { beginsWith: fromIso } });
export const localMessagesAll = { index: 'gsi1' as const, condition: localMessagesAllCondition };
export const handshakesOfPartyCondition = (partyId: string, kind: string): KeyCondition => ({
  pk: k.handshakesOfPartyPartition(partyId, kind),
});
export const handshakesOfParty = { index: 'table' as const, condition: handshakesOfPartyCondition };
export const partnerMembersCondition = (partnerId: string): KeyCondition => ({
  pk: k.partnerPartition(partnerId),
  sk: { beginsWith: 'MEMBER#' },
});
export const partnerMembers = { index: 'table' as const, condition: partnerMembersCondition };
export const partnerCustomersCondition = (partnerId: string): KeyCondition => ({ pk: k.partnerCustomersPartition(partnerId) });
export const partnerCustomers = { index: 'table' as const, condition: partnerCustomersCondition };
/** Entries of one view between two sort keys (`<iso time>#<id>`), inclusive. */
export const associationLogCondition = (view: string, fromSk = '0', toSk = '~'): KeyCondition => ({
  pk: k.associationLogPartition(view),
  sk: { between: [fromSk, toSk] },
});
export const associationLog = { index: 'table' as const, condition: associationLogCondition };
export const partnerCustomersByFacetCondition = (partnerId: string, facet: string, value: string, fromIso = ''): KeyCondition => ({
  pk: k.partnerCustomerIndexPartition(partnerId, facet, value),
  sk: { beginsWith: fromIso },
});
export const partnerCustomersByFacet = { index: 'table' as const, condition: partnerCustomersByFacetCondition };
export const partnerCustomersByPrefixCondition = (partnerId: string, facet: string, prefix = ''): KeyCondition => ({
  pk: k.partnerCustomerIndexPartition(partnerId, facet),
  sk: { beginsWith: prefix },
});
export const partnerCustomersByPrefix = { index: 'table' as const, condition: partnerCustomersByPrefixCondition };
export const enterpriseMembersCondition = (masterId: string): KeyCondition => ({
  pk: k.enterprisePartition(masterId),
  sk: { beginsWith: 'MEMBER#' },
});
export const enterpriseMembers = { index: 'table' as const, condition: enterpriseMembersCondition };
export const enterpriseFormerWindowsCondition = (masterId: string, memberId: string): KeyCondition => ({
  pk: k.enterprisePartition(masterId),
  sk: { beginsWith: `FORMER#${memberId}#` },
});
export const enterpriseFormerWindows = { index: 'table' as const, condition: enterpriseFormerWindowsCondition };
/** Issue 13: an operators' queue of real-name applications (`pending` by submission time, `overdue` by due time), oldest first. */
export const realNameQueueCondition = (queue: string, fromIso = ''): KeyCondition => ({
  pk: k.realNameQueuePartition(queue as 'pending' | 'overdue'),
  sk: { beginsWith: fromIso },
});
export const realNameQueue = { index: 'table' as const, condition: realNameQueueCondition };
/** Issue 13: the per-account index rows of an account's real-name applications. */
export const realNameApplicationsOfAccountCondition = (accountId: string): KeyCondition => ({
  pk: k.accountPartition(accountId),
  sk: { beginsWith: 'REALNAME_APP#' },
});
export const realNameApplicationsOfAccount = { index: 'table' as const, condition: realNameApplicationsOfAccountCondition };
