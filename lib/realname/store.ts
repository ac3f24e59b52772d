/**
 * The real-name area's store (issue 13; the first piece, used by the approval to come). R-RN-04: one certificate
 * number authenticates at most 3 accounts (individual) or 6 (enterprise), enforced atomically at approval: one
 * counter item per number's keyed hash and kind, `ADD` conditioned on the count and on the account not being counted
 * yet, so racing approvals for the last slot give exactly one. Numbers are stored only as keyed hashes.
 */
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountItem } from '../accounts/account.js';
import { accountUpdate } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';
import { nowIso } from '../core/clock.js';
import { keyedHash } from '../core/crypto.js';
import * as keys from '../core/store/key-builders.js';
import type { Key } from '../core/store/keys.js';
import { dueAttributes } from '../core/store/keys.js';
import { query } from '../core/store/patterns.js';
import * as queries from '../core/store/queries.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, tagged } from '../core/store/writes.js';
import {
  MEMBER_SYNC_DUE_KIND,
  type QueueRow,
  REVIEW_DUE_KIND,
  type RealNameApplication,
  type RealNamePending,
  type RealNameState,
  isFirstAuthentication,
} from './model.js';

export type CertificateKind = 'individual' | 'enterprise';

/** R-RN-04: accounts per certificate number. */
export const ACCOUNTS_PER_CERTIFICATE: Readonly<Record<CertificateKind, number>> = { individual: 3, enterprise: 6 };

/** The keyed hash of a certificate (registration) number as people type it: case, spaces and hyphens do not count. */
export function certificateNumberHash(kind: CertificateKind, number: string): string {
  return keyedHash(
    `realname-certificate:${kind}`,
    number
      .normalize('NFKC')
      .replace(/[\s-]+/g, '')
      .toUpperCase(),
  );
}

/** The accounts a certificate number authenticates now. */
export async function loadCertificate(kind: CertificateKind, numberHash: string): Promise<{ count: number; accounts: string[] }> {
  const out = await db().send(
    new GetCommand({ TableName: TABLE(), Key: keys.realNameCertificate(kind, numberHash), ConsistentRead: true }),
  );
  const accounts = out.Item?.accounts instanceof Set ? [...(out.Item.accounts as Set<string>)] : [];
  return { count: Number(out.Item?.count ?? 0), accounts: accounts.sort() };
}

/**
 * Counts `accountId` on the number (tag `certificate`): refused when the number already authenticates its maximum of
 * accounts, or already counts this account (the caller checks that case first and does not claim twice).
 */
export function certificateClaim(kind: CertificateKind, numberHash: string, accountId: string): TransactItem {
  return tagged('certificate', {
    Update: {
      TableName: TABLE(),
      Key: keys.realNameCertificate(kind, numberHash),
      UpdateExpression: 'ADD #count :one, accounts :account',
      ConditionExpression: '(attribute_not_exists(#count) OR #count < :max) AND NOT contains(accounts, :id)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1, ':account': new Set([accountId]), ':max': ACCOUNTS_PER_CERTIFICATE[kind], ':id': accountId },
    },
  });
}

/** Releases the account's slot (a disabled account, R-CL-11; an approved change of owner, R-RA-01). */
export function certificateRelease(kind: CertificateKind, numberHash: string, accountId: string): TransactItem {
  return tagged('certificate', {
    Update: {
      TableName: TABLE(),
      Key: keys.realNameCertificate(kind, numberHash),
      UpdateExpression: 'ADD #count :minus DELETE accounts :account',
      ConditionExpression: 'contains(accounts, :id)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minus': -1, ':account': new Set([accountId]), ':id': accountId },
    },
  });
}

// ---- applications (issue 13): the seams the operator review, re-authentication and lifecycle build on

export const applicationKey = (applicationId: string): Key => keys.realNameApplication(applicationId);

/** The application by ID (any account's: customer use cases compare `accountId` and answer 404 for another's). */
export async function loadApplication(applicationId: string): Promise<RealNameApplication | undefined> {
  const out = await db().send(new GetCommand({ TableName: TABLE(), Key: applicationKey(applicationId), ConsistentRead: true }));
  return out.Item as RealNameApplication | undefined;
}

/** The account's real-name state (an empty one, version 0, when it never had a decision). */
export async function realNameState(accountId: string): Promise<RealNameState> {
  const out = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.realNameState(accountId), ConsistentRead: true }));
  return (out.Item as RealNameState | undefined) ?? { accountId, version: 0 };
}
export const loadRealNameState = realNameState;

/** The keys of the application's two queue rows (pending, overdue) and its review timer. */
export function queueRowKeys(app: Pick<RealNameApplication, 'applicationId' | 'submittedAt' | 'reviewDueBy'>) {
  return {
    pending: keys.realNameQueueRow('pending', app.submittedAt, app.applicationId),
    overdue: keys.realNameQueueRow('overdue', app.reviewDueBy, app.applicationId),
    due: keys.realNameReviewDue(app.applicationId),
  };
}

/** A queue row of the application (`pending` or `overdue`). */
export function queueRow(queue: 'pending' | 'overdue', app: RealNameApplication & { overdueAt?: string }): QueueRow {
  const key = queueRowKeys(app)[queue];
  return {
    ...key,
    applicationId: app.applicationId,
    accountId: app.accountId,
    kind: app.kind,
    submittedAt: app.submittedAt,
    reviewDueBy: app.reviewDueBy,
    ...(app.overdue || queue === 'overdue' ? { overdue: true as const } : {}),
    ...(app.overdueAt ? { overdueAt: app.overdueAt } : {}),
  };
}

/** The application's review timer on the due index, due at `reviewDueBy` (processor `realname-review-due`). */
export function reviewDueItem(app: Pick<RealNameApplication, 'applicationId' | 'accountId' | 'reviewDueBy'>) {
  const key = keys.realNameReviewDue(app.applicationId);
  return {
    ...key,
    ...dueAttributes(app.accountId, app.reviewDueBy, app.applicationId),
    dueKind: REVIEW_DUE_KIND,
    applicationId: app.applicationId,
    accountId: app.accountId,
  };
}

/**
 * R-RN-07 (issue 13 review R2 item 9): the master→member sync of an approval as a due row, due `atIso` (now), put
 * by the decision transaction and deleted once every member is done; the scheduler runs a row left behind
 * (./member-sync-due.ts). It carries what the sync needs besides the application: the mode (enterprise names only).
 */
export function memberSyncDueItem(
  app: Pick<RealNameApplication, 'applicationId' | 'accountId'>,
  sync: Record<string, unknown>,
  atIso: string,
): TransactItem {
  return {
    Put: {
      TableName: TABLE(),
      Item: {
        ...keys.realNameMemberSyncDue(app.applicationId),
        ...dueAttributes(app.accountId, atIso, app.applicationId),
        dueKind: MEMBER_SYNC_DUE_KIND,
        applicationId: app.applicationId,
        accountId: app.accountId,
        sync,
      },
    },
  };
}

/** The member sync of the application is done: its due row goes. */
export async function memberSyncDueDelete(applicationId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: TABLE(), Key: keys.realNameMemberSyncDue(applicationId) }));
}

/**
 * Every write of a submission (first authentication and re-authentication alike), for one transaction: the
 * application (new: tag `application`), the pending queue row, the review timer, the per-account index row, and on
 * the account item (tag `account`) the one-pending pointer `realNamePending`, conditioned on there being none, on the
 * account being open for changes and on the type and authentication status read; a first authentication also moves
 * `authStatus` to `pending` (a re-authentication leaves it `authenticated`, R-RA-05).
 */
export function submitWrites(app: RealNameApplication, account: AccountItem, hold: SubmissionHold = {}): TransactItem[] {
  const pending: RealNamePending = { applicationId: app.applicationId, submittedAt: app.submittedAt, reviewDueBy: app.reviewDueBy };
  const first = isFirstAuthentication(app.kind);
  return [
    ...(hold.state ? [realNameStateIs(app.accountId, hold.state.version)] : []),
    ...(hold.notPartnerProgram ? [notPartnerProgram(app.accountId)] : []),
    tagged('application', {
      Put: { TableName: TABLE(), Item: app, ConditionExpression: 'attribute_not_exists(pk)' },
    }),
    { Put: { TableName: TABLE(), Item: queueRow('pending', app) } },
    { Put: { TableName: TABLE(), Item: reviewDueItem(app) } },
    {
      Put: {
        TableName: TABLE(),
        Item: {
          ...keys.realNameAppIndex(app.accountId, app.applicationId),
          applicationId: app.applicationId,
          kind: app.kind,
          submittedAt: app.submittedAt,
        },
      },
    },
    accountUpdate(
      account,
      { realNamePending: pending, ...(first ? { authStatus: 'pending' } : {}) },
      {
        read: ['accountType', 'authStatus', 'countryRegion'],
        expectStatus: EDITABLE,
        // A first authentication only of an unauthenticated account (R-AI-05/06: never back from authenticated).
        condition: first
          ? 'attribute_not_exists(realNamePending) AND (attribute_not_exists(authStatus) OR authStatus = :unauthenticated)'
          : 'attribute_not_exists(realNamePending)',
        ...(first ? { values: { ':unauthenticated': 'unauthenticated' } } : {}),
      },
    ),
  ];
}

/** What a submission was judged on, held by its transaction (a change meanwhile fails it: the caller judges again). */
export interface SubmissionHold {
  /** The REALNAME state item as read (`current`, `rejectedMaterialIds`): tag `realname-state`. */
  state?: Pick<RealNameState, 'version'>;
  /** R-RN-05: the account is not in a partner program (individual authentication): tag `partner-program`. */
  notPartnerProgram?: boolean;
}

/** Holds only while the account's REALNAME state item is the version read (0: none, or never versioned). */
export function realNameStateIs(accountId: string, version: number): TransactItem {
  return tagged('realname-state', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.realNameState(accountId),
      ConditionExpression: version ? '#version = :version' : 'attribute_not_exists(#version) OR #version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version ?? 0 },
    },
  });
}

/** R-RN-05: holds only while the account's facts do not say it joined a partner program. */
export function notPartnerProgram(accountId: string): TransactItem {
  return tagged('partner-program', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      ConditionExpression: 'attribute_not_exists(partnerProgram) OR partnerProgram = :no',
      ExpressionAttributeValues: { ':no': false },
    },
  });
}

/**
 * The writes that end a pending application without a decision (withdrawal; the lifecycle hook at disable): the
 * application `withdrawn` (tag `application`, condition: still pending), the queue rows and the timer deleted, and
 * on the account item (tag `account`, unless `account` is false: a disabled account's item is replaced anyway) the
 * pointer removed and, for a first authentication, `authStatus` back to `unauthenticated`.
 */
export function withdrawWrites(app: RealNameApplication, atIso: string, account: { accountId: string } | false): TransactItem[] {
  const rows = queueRowKeys(app);
  const items: TransactItem[] = [
    tagged('application', {
      Update: {
        TableName: TABLE(),
        Key: applicationKey(app.applicationId),
        UpdateExpression: 'SET #status = :withdrawn, withdrawnAt = :at, version = version + :one',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':pending': 'pending', ':at': atIso, ':one': 1 },
      },
    }),
    ...queueRowDeletes(app),
    { Delete: { TableName: TABLE(), Key: rows.due } },
  ];
  if (account) items.push(pendingPointerRemove(account.accountId, app));
  return items;
}

/** Deletes both queue rows of the application (a missing one is no error). */
export function queueRowDeletes(app: RealNameApplication): TransactItem[] {
  const rows = queueRowKeys(app);
  return [{ Delete: { TableName: TABLE(), Key: rows.pending } }, { Delete: { TableName: TABLE(), Key: rows.overdue } }];
}

/**
 * On the account item (tag `account`): removes `realNamePending` if it still names this application; for a first
 * authentication also `authStatus` pending → unauthenticated (withdrawal; a rejection of a first authentication).
 */
export function pendingPointerRemove(accountId: string, app: Pick<RealNameApplication, 'applicationId' | 'kind'>): TransactItem {
  return accountUpdate({ accountId, version: 0 }, isFirstAuthentication(app.kind) ? { authStatus: 'unauthenticated' } : {}, {
    read: [],
    remove: ['realNamePending'],
    condition: 'realNamePending.applicationId = :appId',
    values: { ':appId': app.applicationId },
  });
}

// ---- the operators' queue (issue 13 item 5)

/**
 * One Query of a queue partition, oldest first (`pending` by submission, `overdue` by due time). `markedBefore` /
 * `notMarkedBefore` (an ISO time: the start of an overdue-first walk less the scheduler's lease, review R3) split the rows by when the scheduler marked
 * them overdue: the first phase of the walk lists the overdue rows marked before the walk started, the second the
 * pending rows not overdue or marked since (issue 13 review R2: a row that comes due mid-walk is listed once, in the
 * second phase, flagged overdue). Rows marked before `overdueAt` was recorded count as marked before any walk.
 */
export async function queueQuery(
  queue: 'pending' | 'overdue',
  page: { limit: number; startKey?: Record<string, unknown>; markedBefore?: string; notMarkedBefore?: string },
): Promise<{ rows: QueueRow[]; lastKey?: Record<string, unknown> }> {
  const filter =
    page.notMarkedBefore !== undefined
      ? { expression: 'attribute_not_exists(#overdue) OR #overdueAt >= :walkStart', walkStart: page.notMarkedBefore }
      : page.markedBefore !== undefined
        ? { expression: 'attribute_not_exists(#overdueAt) OR #overdueAt < :walkStart', walkStart: page.markedBefore }
        : undefined;
  const keyQuery = query(queries.realNameQueue, queue);
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...keyQuery,
      ...(filter
        ? {
            FilterExpression: filter.expression,
            ExpressionAttributeNames: {
              '#overdueAt': 'overdueAt',
              ...(filter.expression.includes('#overdue)') ? { '#overdue': 'overdue' } : {}),
            },
            ExpressionAttributeValues: { ...keyQuery.ExpressionAttributeValues, ':walkStart': filter.walkStart },
          }
        : {}),
      ScanIndexForward: true,
      Limit: page.limit,
      ConsistentRead: true,
      ...(page.startKey ? { ExclusiveStartKey: page.startKey } : {}),
    }),
  );
  return { rows: (out.Items ?? []) as QueueRow[], ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
}

/**
 * The purge (issue 13 item 9, R-CL-11): the application of the account loses its personal details (details,
 * materials, the form, the reasons' notes and material IDs) and keeps the retained record (IDs, kind, status, times,
 * the decision's status, time, operator and reason codes).
 */
export async function redactApplication(accountId: string, applicationId: string): Promise<void> {
  const key = applicationKey(applicationId);
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }));
  const app = Item as RealNameApplication | undefined;
  if (!app || app.accountId !== accountId) return;
  const reasons = app.decision?.reasons?.map((r) => ({ code: r.code }));
  await db().send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: key,
      UpdateExpression: `SET purgedAt = :at${reasons ? ', decision.reasons = :reasons' : ''} REMOVE details, materials, applicationForm`,
      ConditionExpression: 'accountId = :account',
      ExpressionAttributeValues: { ':at': nowIso(), ':account': accountId, ...(reasons ? { ':reasons': reasons } : {}) },
    }),
  );
}
