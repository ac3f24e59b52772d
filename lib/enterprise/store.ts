/**
 * The enterprise area's table access (the only file of the area that touches the SDK), issue 12. Items (keys in
 * lib/core/store/key-builders.ts): the master's profile, its member rows (the source of truth, versioned) and
 * former-member windows under the master's partition, the member's pointer to its master under the account. The
 * facts other areas read (lib/core/checks) are written here, in the same transaction as the change. Transaction
 * items are tagged: 'profile', 'cap', 'member', 'pointer', 'account', 'facts', 'invitee-master'.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { accountStatusIs } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';
import { memberCountersAdd, memberFactsClear, memberFactsSet } from '../core/checks/store.js';
export { standingIs } from '../core/checks/store.js';
import * as keys from '../core/store/key-builders.js';
import { decodeCursor, encodeCursor } from '../core/store/pagination.js';
import { query } from '../core/store/patterns.js';
import * as queries from '../core/store/queries.js';
import { openScope } from '../core/handshake/machine.js';
import { TABLE, db, getMany } from '../core/store/table.js';
import { type TransactItem, tagged } from '../core/store/writes.js';
import { ENTERPRISE_DISASSOCIATION } from './kinds.js';
import type { EnterpriseProfile, FormerWindow, MemberRow } from './model.js';

const KEY_FIELDS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
const strip = <T>(item: Record<string, unknown>): T => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_FIELDS.has(k))) as T;

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }));
  return Item;
}

// ---- the master's profile (R-MM-01)

export async function loadProfile(masterId: string): Promise<EnterpriseProfile | undefined> {
  const item = await getItem(keys.enterpriseProfile(masterId));
  return item ? strip<EnterpriseProfile>(item) : undefined;
}

/** A new profile ('profile': refused when Enterprise Center is enabled already). */
export function profilePut(profile: EnterpriseProfile): TransactItem {
  return tagged('profile', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.enterpriseProfile(profile.masterAccountId), ...profile },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/** One more open invitation ('cap': refused when the master has `cap` open already, or has no profile). */
export function openInvitationsTake(masterId: string, cap: number): TransactItem {
  return tagged('cap', {
    Update: {
      TableName: TABLE(),
      Key: keys.enterpriseProfile(masterId),
      UpdateExpression: 'ADD openInvitations :one',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(openInvitations) OR openInvitations < :cap)',
      ExpressionAttributeValues: { ':one': 1, ':cap': cap },
    },
  });
}

/** An invitation ended (accepted, rejected, canceled, expired): its slot is given back ('profile': the profile exists). */
export function openInvitationsRelease(masterId: string): TransactItem {
  return tagged('profile', {
    Update: {
      TableName: TABLE(),
      Key: keys.enterpriseProfile(masterId),
      UpdateExpression: 'ADD openInvitations :minus',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':minus': -1 },
    },
  });
}

/**
 * An ended invitation's slot back, when the master still has its Enterprise Center (read here; none to give back
 * once the profile is gone — an unconditional ADD would recreate it).
 */
export async function openInvitationsReleaseIfEnabled(masterId: string): Promise<TransactItem[]> {
  return (await getItem(keys.enterpriseProfile(masterId))) ? [openInvitationsRelease(masterId)] : [];
}

/**
 * The master's enterprise name on its profile ('profile': the profile exists). Written by the area that approves a
 * real-name authentication (the authenticated name is the account's enterprise name, R-AI-06); this area imports
 * nothing of it.
 */
export function profileNameSet(masterId: string, name: string): TransactItem {
  return tagged('profile', {
    Update: {
      TableName: TABLE(),
      Key: keys.enterpriseProfile(masterId),
      UpdateExpression: 'SET enterpriseName = :name',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':name': name },
    },
  });
}

/** Holds only while the master has Enterprise Center ('profile'). */
export function profileExists(masterId: string): TransactItem {
  return tagged('profile', {
    ConditionCheck: { TableName: TABLE(), Key: keys.enterpriseProfile(masterId), ConditionExpression: 'attribute_exists(pk)' },
  });
}

// ---- members (R-MM-01, R-MM-06, R-MM-08)

/** The member's association, if any: its pointer, then the row under the master it names. */
export async function loadMemberOf(memberId: string): Promise<MemberRow | undefined> {
  const pointer = await getItem(keys.memberMaster(memberId));
  if (!pointer) return undefined;
  return loadMember(pointer.masterAccountId as string, memberId);
}

/** This master's member; another master's member (or no member) is not found. */
export async function loadMember(masterId: string, memberId: string): Promise<MemberRow | undefined> {
  const item = await getItem(keys.enterpriseMember(masterId, memberId));
  return item ? strip<MemberRow>(item) : undefined;
}

/** A master's members, one bounded page at a time (by member ID). */
export async function listMembers(
  masterId: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<{ items: MemberRow[]; cursor?: string }> {
  const scope = `enterprise-members:${masterId}`;
  const limit = Math.min(Math.max(page.limit ?? 20, 1), 100);
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.enterpriseMembers, masterId),
      Limit: limit,
      ConsistentRead: true,
      ...(page.cursor ? { ExclusiveStartKey: decodeCursor(scope, page.cursor) } : {}),
    }),
  );
  const items = (out.Items ?? []).map((i) => strip<MemberRow>(i));
  const cursor = encodeCursor(scope, out.LastEvaluatedKey);
  return cursor ? { items, cursor } : { items };
}

/**
 * A new association: the member row ('member'), the member's pointer ('pointer': one master per member, also
 * when two associations race), the member's facts ('invitee-master': never a master) and the master's counters.
 */
export function memberAssociateWrites(row: MemberRow): TransactItem[] {
  return [
    tagged('member', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.enterpriseMember(row.masterAccountId, row.memberAccountId), ...row },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    tagged('pointer', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.memberMaster(row.memberAccountId), masterAccountId: row.masterAccountId, memberAccountId: row.memberAccountId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    memberFactsSet(row.memberAccountId, row.masterAccountId, row.accountingMode),
    memberCountersAdd(row.masterAccountId, row.accountingMode, 1),
  ];
}

/** Changes a member row ('member'): only from the version read; sets the next version. */
export function memberUpdate(row: MemberRow, patch: Partial<Pick<MemberRow, 'permissions'>>): TransactItem {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':v': row.version, ':next': row.version + 1 };
  const sets = ['#version = :next'];
  Object.entries(patch).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  return tagged('member', {
    Update: {
      TableName: TABLE(),
      Key: keys.enterpriseMember(row.masterAccountId, row.memberAccountId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  });
}

/**
 * Ends an association ('member': only the version read): row and pointer deleted, the member's facts cleared
 * (`awaitingPaymentMethod` when asked, R-MM-05), the master's counters down, the former-member window kept.
 */
export function memberEndWrites(
  row: MemberRow,
  disassociatedAt: string,
  options: { awaitingPaymentMethod?: boolean } = {},
): TransactItem[] {
  const window: FormerWindow = {
    memberAccountId: row.memberAccountId,
    accountingMode: row.accountingMode,
    from: row.associatedAt,
    to: disassociatedAt,
  };
  return [
    tagged('member', {
      Delete: {
        TableName: TABLE(),
        Key: keys.enterpriseMember(row.masterAccountId, row.memberAccountId),
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':v': row.version },
      },
    }),
    tagged('pointer', {
      Delete: {
        TableName: TABLE(),
        Key: keys.memberMaster(row.memberAccountId),
        ConditionExpression: 'masterAccountId = :m',
        ExpressionAttributeValues: { ':m': row.masterAccountId },
      },
    }),
    memberFactsClear(row.memberAccountId, options.awaitingPaymentMethod === true),
    memberCountersAdd(row.masterAccountId, row.accountingMode, -1),
    {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.enterpriseFormerMember(row.masterAccountId, row.memberAccountId, row.associatedAt), ...window },
      },
    },
  ];
}

/** R-MM-05: the member's past association windows with this master, oldest first. */
export async function listFormerWindows(masterId: string, memberId: string): Promise<FormerWindow[]> {
  const out = await db().send(
    new QueryCommand({ TableName: TABLE(), ...query(queries.enterpriseFormerWindows, masterId, memberId), ConsistentRead: true }),
  );
  return (out.Items ?? []).map((i) => strip<FormerWindow>(i));
}

// ---- conditions on other items

/** Holds only while the account is active ('account' unless tagged otherwise): accounts in use. */
export const accountActive = (accountId: string, tag = 'account'): TransactItem => accountStatusIs(accountId, ['active'], tag);

/** Holds only while the account is open (registered or active; 'account' unless tagged otherwise). */
export const accountOpen = (accountId: string, tag = 'account'): TransactItem => accountStatusIs(accountId, EDITABLE, tag);

// ---- disassociation (issue 12, R-MM-02/03/05)

/** Holds only while the member row is the version read ('member': still this master's member, unchanged). */
export function memberIs(row: MemberRow): TransactItem {
  return tagged('member', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.enterpriseMember(row.masterAccountId, row.memberAccountId),
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':v': row.version },
    },
  });
}

/**
 * Holds only while the account's payment-method binding is the status judged ('payment-method', R-MM-05): a bind
 * recorded meanwhile is never lost under a disassociation that judged "not bound".
 */
export function paymentMethodIs(accountId: string, status: string | undefined): TransactItem {
  return tagged('payment-method', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.account(accountId),
      ...(status === undefined
        ? { ConditionExpression: 'attribute_not_exists(paymentMethod.#status)', ExpressionAttributeNames: { '#status': 'status' } }
        : {
            ConditionExpression: 'paymentMethod.#status = :s',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':s': status },
          }),
    },
  });
}

// ---- views (issue 12 routes 4, 5, 7, 12, 13, 14)

/**
 * The pending disassociation request of each of these members with the master, if any (one open per pair): two
 * BatchGetItems (the open claims, then the requests they name), bounded by the page of members asked about.
 */
export async function openDisassociationsOf(
  masterId: string,
  memberIds: readonly string[],
): Promise<Map<string, { requestId: string; createdAt: string; expiresAt: string }>> {
  const found = new Map<string, { requestId: string; createdAt: string; expiresAt: string }>();
  if (!memberIds.length) return found;
  const kind = ENTERPRISE_DISASSOCIATION;
  const claims = await getMany(memberIds.map((m) => keys.handshakeOpen(kind.kind, openScope(kind, masterId, m))));
  const ids = claims.map((c) => c.requestId as string);
  const requests = ids.length ? await getMany(ids.map((id) => keys.handshake(id))) : [];
  for (const r of requests) {
    const initiator = (r.initiator as { id: string }).id;
    const counterparty = (r.counterparty as { id: string }).id;
    if (r.kind !== kind.kind || r.state !== 'pending' || initiator !== masterId) continue;
    found.set(counterparty, { requestId: r.id as string, createdAt: r.createdAt as string, expiresAt: r.expiresAt as string });
  }
  return found;
}
