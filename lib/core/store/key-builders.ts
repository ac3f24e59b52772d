/**
 * Every key builder of the single table, declared once. ./patterns.ts says which access pattern each serves (and
 * generates the docs table); product code imports this module as a namespace (`import * as keys from
 * '…/core/store/key-builders.js'`), so esbuild keeps in a bundle only the builders it uses.
 */
import type { ClaimKind, Key } from './patterns.js';

export const account = (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'PROFILE' });
export const accountPartition = (accountId: string): string => `ACCOUNT#${accountId}`;
export const claim = (kind: ClaimKind, value: string): Key => ({ pk: `CLAIM#${kind}#${value}`, sk: 'CLAIM' });
export const rateWindow = (scope: string, keyHash: string, window: string): Key => ({ pk: `RATE#${scope}#${keyHash}`, sk: window });
export const auditPartition = (accountId: string): string => `ACCOUNT#${accountId}#AUDIT`;
export const timer = (accountId: string, kind: string): Key => ({ pk: accountPartition(accountId), sk: `TIMER#${kind}` });
export const currencyChange = (accountId: string, timeIso: string): Key => ({ pk: accountPartition(accountId), sk: `CURRENCY#${timeIso}` });
export const recipient = (accountId: string, recipientId: string): Key => ({
  pk: accountPartition(accountId),
  sk: `RECIPIENT#${recipientId}`,
});
export const material = (accountId: string, materialId: string): Key => ({ pk: accountPartition(accountId), sk: `MATERIAL#${materialId}` });
export const standing = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'STANDING' });
export const latestClosureCheck = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'CLOSURE#LATEST_CHECK' });
export const accountFacts = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'FACTS' });
export const session = (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' });
export const device = (tokenHash: string): Key => ({ pk: `DEVICE#${tokenHash}`, sk: 'DEVICE' });
export const challenge = (challengeId: string): Key => ({ pk: `CHALLENGE#${challengeId}`, sk: 'CHALLENGE' });
export const idempotency = (scope: string, key: string): Key => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'RECORD' });
export const outbox = (id: string): Key => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });
export const clock = (): Key => ({ pk: 'LOCAL#CLOCK', sk: 'CLOCK' });
export const duePartition = (shard: number | string): string => `DUE#${shard}`;
export const localMessagesPartition = (to: string): string => `LOCAL#MSG#${to}`;
export const localMessagesAll = 'LOCAL#MSG';
export const auditTrace = (accountId: string, timeIso: string, id: string): Key => ({
  pk: auditPartition(accountId),
  sk: `${timeIso}#${id}`,
});
export const localMessage = (to: string, timeIso: string, id: string): Key => ({ pk: localMessagesPartition(to), sk: `${timeIso}#${id}` });
export const handshake = (requestId: string): Key => ({ pk: `HANDSHAKE#${requestId}`, sk: 'REQUEST' });
export const handshakeOpen = (kind: string, scope: string): Key => ({ pk: `HANDSHAKE#OPEN#${kind}#${scope}`, sk: 'OPEN' });
export const handshakesOfPartyPartition = (partyId: string, kind: string): string => `PARTY#${partyId}#HANDSHAKE#${kind}`;
export const handshakeOfParty = (partyId: string, kind: string, createdIso: string, requestId: string): Key => ({
  pk: handshakesOfPartyPartition(partyId, kind),
  sk: `${createdIso}#${requestId}`,
});
// Partners (issue 11): profile and staff rows under the partner, the staff claim and customer pointer under the
// account, invitations by ID, the association (one item per customer under the partner), the association log.
export const partnerPartition = (partnerId: string): string => `PARTNER#${partnerId}`;
export const partnerProfile = (partnerId: string): Key => ({ pk: partnerPartition(partnerId), sk: 'PROFILE' });
export const partnerMember = (partnerId: string, accountId: string): Key => ({
  pk: partnerPartition(partnerId),
  sk: `MEMBER#${accountId}`,
});
export const partnerRole = (accountId: string): Key => ({ pk: accountPartition(accountId), sk: 'PARTNER_ROLE' });
export const partnerInvitation = (invitationId: string): Key => ({ pk: `PARTNER_INVITATION#${invitationId}`, sk: 'INVITATION' });
export const customerPartner = (customerId: string): Key => ({ pk: accountPartition(customerId), sk: 'PARTNER' });
export const partnerCustomersPartition = (partnerId: string): string => `PARTNER#${partnerId}#CUSTOMER`;
export const partnerCustomer = (partnerId: string, customerId: string): Key => ({
  pk: partnerCustomersPartition(partnerId),
  sk: customerId,
});
/** R-PD-09: a service ticket's single-use claim (a ticket disassociates once). */
export const partnerTicketClaim = (ticketId: string): Key => ({ pk: `PARTNER_TICKET#${ticketId}`, sk: 'CLAIM' });
export const associationLogPartition = (view: string): string => `ASSOCLOG#${view}`;
export const associationLogEntry = (view: string, timeIso: string, id: string): Key => ({
  pk: associationLogPartition(view),
  sk: `${timeIso}#${id}`,
});
/** Partner customer list (R-PD-10): one partition per facet value (equality facets) or per facet (prefix facets). */
export const partnerCustomerIndexPartition = (partnerId: string, facet: string, value?: string): string =>
  `PARTNER#${partnerId}#BY#${facet}${value ? `#${value}` : ''}`;
export const partnerCustomerIndexRow = (
  partnerId: string,
  facet: string,
  value: string | undefined,
  sortValue: string,
  customerId: string,
): Key => ({
  pk: partnerCustomerIndexPartition(partnerId, facet, value),
  sk: `${sortValue}#${customerId}`,
});

export const quotaWindow = (scope: string): Key => ({ pk: `QUOTA#${scope}`, sk: 'WINDOW' });
// Enterprise master and members (issue 12): the master's profile, member rows and former-member windows under the
// master, the member's pointer to its master under the account.
export const enterprisePartition = (masterId: string): string => `ENTERPRISE#${masterId}`;
export const enterpriseProfile = (masterId: string): Key => ({ pk: enterprisePartition(masterId), sk: 'PROFILE' });
export const enterpriseMember = (masterId: string, memberId: string): Key => ({
  pk: enterprisePartition(masterId),
  sk: `MEMBER#${memberId}`,
});
export const memberMaster = (memberId: string): Key => ({ pk: accountPartition(memberId), sk: 'MASTER' });
export const enterpriseFormerMember = (masterId: string, memberId: string, associatedIso: string): Key => ({
  pk: enterprisePartition(masterId),
  sk: `FORMER#${memberId}#${associatedIso}`,
});

// Real-name (issue 13): one counter per certificate (or registration) number's keyed hash and kind (R-RN-04).
/** Issue 13: a real-name application (outside any account partition). */
export const realNameApplication = (applicationId: string): Key => ({ pk: `REALNAME_APP#${applicationId}`, sk: 'APP' });
/** Issue 13: the application's review timer on the due index (kind `realname-review-due`). */
export const realNameReviewDue = (applicationId: string): Key => ({ pk: `REALNAME_APP#${applicationId}`, sk: 'DUE' });
/** Issue 13 (R-RN-07): the master→member sync still to finish after an approval (due index, kind `realname-member-sync`). */
export const realNameMemberSyncDue = (applicationId: string): Key => ({ pk: `REALNAME_APP#${applicationId}`, sk: 'MEMBER_SYNC' });
/** Issue 13: the account's real-name state (current approved authentication, last decision). */
export const realNameState = (accountId: string): Key => ({ pk: `ACCOUNT#${accountId}`, sk: 'REALNAME' });
/** Issue 13: the per-account index row of one application (the purge sees it as an item of the partition). */
export const realNameAppIndex = (accountId: string, applicationId: string): Key => ({
  pk: `ACCOUNT#${accountId}`,
  sk: `REALNAME_APP#${applicationId}`,
});
/** Issue 13: the operators' queues: `pending` (by submission time) and `overdue` (by due time). */
export const realNameQueuePartition = (queue: 'pending' | 'overdue') => `REALNAME_QUEUE#${queue}`;
export const realNameQueueRow = (queue: 'pending' | 'overdue', sortTimeIso: string, applicationId: string): Key => ({
  pk: realNameQueuePartition(queue),
  sk: `${sortTimeIso}#${applicationId}`,
});
export const realNameCertificate = (kind: string, numberHash: string): Key => ({
  pk: `REALNAME_CERT#${kind}#${numberHash}`,
  sk: 'COUNT',
});
