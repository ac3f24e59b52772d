/**
 * The partners area's table access (the only file of the area that touches the SDK). Items (keys in
 * lib/core/store/key-builders.ts): the partner profile and its staff rows, each staff account's claim (one
 * partner organisation per account), invitations, the customer's pointer (one partner per customer) and the
 * association item under the partner (the single source of truth, versioned). Transaction items are tagged so a
 * use case tells failures apart: 'partner', 'staff', 'invitation', 'quota', 'pointer', 'association'.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { associationFactsWrite, partnerProgramSet, standingIs as coreStandingIs } from '../core/checks/store.js';
import { accountStatusIs } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';

import * as keys from '../core/store/key-builders.js';
import { query } from '../core/store/patterns.js';
import * as queries from '../core/store/queries.js';
import { TABLE, db, getMany } from '../core/store/table.js';
import { type TransactItem, tagged } from '../core/store/writes.js';
import type { AccountItem } from '../accounts/account.js';
import type { Standing } from '../core/checks/facts.js';
import { type Driver, type IndexRow, customerIndexRows, rowsDiff } from './customer-index.js';
import type { Association, Invitation, Member, Partner, StaffClaim, StaffRole } from './model.js';

const KEY_FIELDS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
const strip = <T>(item: Record<string, unknown>): T => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_FIELDS.has(k))) as T;

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }));
  return Item;
}

// ---- partners and staff

export async function loadPartner(partnerId: string): Promise<Partner | undefined> {
  const item = await getItem(keys.partnerProfile(partnerId));
  return item ? strip<Partner>(item) : undefined;
}

/** The account's role in a partner organisation, if it is staff of one. */
export async function loadStaffRole(accountId: string): Promise<StaffClaim | undefined> {
  const item = await getItem(keys.partnerRole(accountId));
  return item ? { partnerId: item.partnerId as string, role: item.role as StaffRole } : undefined;
}

export async function listMembers(partnerId: string): Promise<Member[]> {
  const out = await db().send(new QueryCommand({ TableName: TABLE(), ...query(queries.partnerMembers, partnerId), ConsistentRead: true }));
  return (out.Items ?? []).map((i) => ({ accountId: i.accountId, role: i.role, addedAt: i.addedAt }));
}

/** A new partner profile ('partner': refused if the ID exists). */
export function partnerPut(partner: Partner): TransactItem {
  return tagged('partner', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.partnerProfile(partner.partnerId), ...partner },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/**
 * An account joins a partner's staff: its claim ('staff': refused when the account already belongs to a partner
 * organisation, also under races), the partner's staff row, and the fact `partnerProgram` (R-RN-05), refused
 * ('enterprise-master') while the account is an Enterprise Center master (R-MM-01, also under races).
 */
export function staffWrites(partnerId: string, accountId: string, role: StaffRole, addedAt: string): TransactItem[] {
  return [
    tagged('staff', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.partnerRole(accountId), partnerId, role, addedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    { Put: { TableName: TABLE(), Item: { ...keys.partnerMember(partnerId, accountId), accountId, role, addedAt } } },
    // R-MM-01: never an Enterprise Center master (tag 'enterprise-master').
    partnerProgramSet(accountId),
  ];
}

/** Holds only while the account is staff of the partner in the role ('staff'). */
export function staffStill(accountId: string, claim: StaffClaim): TransactItem {
  return tagged('staff', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.partnerRole(accountId),
      ConditionExpression: 'partnerId = :p AND #role = :r',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':p': claim.partnerId, ':r': claim.role },
    },
  });
}

/** The account's staff claim with its assignment sequence (bumped by every assignment of a customer to it). */
export async function loadMemberClaim(accountId: string): Promise<(StaffClaim & { assignmentSeq: number }) | undefined> {
  const item = await getItem(keys.partnerRole(accountId));
  if (!item) return undefined;
  return {
    partnerId: item.partnerId as string,
    role: item.role as StaffRole,
    assignmentSeq: (item.assignmentSeq as number | undefined) ?? 0,
  };
}

/**
 * A customer is assigned to the account manager ('staff': only while it is staff of the partner in the role): bumps
 * the claim's `assignmentSeq`, so a removal judged before this assignment fails (see `staffLeaveWrites`).
 */
export function staffAssigned(accountId: string, claim: StaffClaim): TransactItem {
  return tagged('staff', {
    Update: {
      TableName: TABLE(),
      Key: keys.partnerRole(accountId),
      UpdateExpression: 'ADD assignmentSeq :one',
      ConditionExpression: 'partnerId = :p AND #role = :r',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':one': 1, ':p': claim.partnerId, ':r': claim.role },
    },
  });
}

/**
 * An account manager leaves the partner's staff ('member': only while it is this partner's account manager and no
 * customer was assigned to it since `assignmentSeq` was read): claim and staff row deleted, `partnerProgram` false.
 */
export function staffLeaveWrites(partnerId: string, accountId: string, assignmentSeq: number): TransactItem[] {
  return [
    tagged('member', {
      Delete: {
        TableName: TABLE(),
        Key: keys.partnerRole(accountId),
        ConditionExpression: 'partnerId = :p AND #role = :r AND (attribute_not_exists(assignmentSeq) OR assignmentSeq = :seq)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':p': partnerId, ':r': 'account-manager', ':seq': assignmentSeq },
      },
    }),
    { Delete: { TableName: TABLE(), Key: keys.partnerMember(partnerId, accountId) } },
    associationFactsWrite(accountId, { partnerProgram: false }),
  ];
}

/** Is any customer of the partner assigned to the account manager? One row of its customer-list facet (R-PD-10). */
export async function managerHasCustomers(partnerId: string, accountId: string): Promise<boolean> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.partnerCustomerIndexPartition(partnerId, 'manager', accountId) },
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).length > 0;
}

/** Holds only while the account is active ('account' unless tagged otherwise): accounts in use. */
export const accountActive = (accountId: string, tag = 'account'): TransactItem => accountStatusIs(accountId, ['active'], tag);

/** Holds only while the standing is the version judged ('facts'; 0: none recorded). */
export const standingIs = (accountId: string, version: number): TransactItem => coreStandingIs(accountId, version, 'facts');

/** Holds only while the account is open (registered or active; 'account' unless tagged otherwise). */
export const accountOpen = (accountId: string, tag = 'account'): TransactItem => accountStatusIs(accountId, EDITABLE, tag);

/** Holds only while the account is not a customer of the partner ('pointer'): staff are never its customers. */
export function notCustomerOf(accountId: string, partnerId: string): TransactItem {
  return tagged('pointer', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.customerPartner(accountId),
      ConditionExpression: 'attribute_not_exists(pk) OR partnerId <> :p',
      ExpressionAttributeValues: { ':p': partnerId },
    },
  });
}

/** Holds only while the account is not staff of the partner ('staff'): a partner's staff cannot be its customer. */
export function notStaffOf(accountId: string, partnerId: string): TransactItem {
  return tagged('staff', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.partnerRole(accountId),
      ConditionExpression: 'attribute_not_exists(pk) OR partnerId <> :p',
      ExpressionAttributeValues: { ':p': partnerId },
    },
  });
}

// ---- invitations (R-PA-01)

export async function loadInvitation(invitationId: string): Promise<Invitation | undefined> {
  const item = await getItem(keys.partnerInvitation(invitationId));
  return item ? strip<Invitation>(item) : undefined;
}

export function invitationPut(invitation: Invitation): TransactItem {
  return tagged('invitation', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.partnerInvitation(invitation.invitationId), ...invitation },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/** Revokes an invitation of this partner that is not revoked yet ('invitation'). */
export function invitationRevoke(invitation: Invitation, revokedAt: string, revokedBy: string): TransactItem {
  return tagged('invitation', {
    Update: {
      TableName: TABLE(),
      Key: keys.partnerInvitation(invitation.invitationId),
      UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
      ConditionExpression: 'partnerId = :p AND attribute_not_exists(revokedAt)',
      ExpressionAttributeValues: { ':at': revokedAt, ':by': revokedBy, ':p': invitation.partnerId },
    },
  });
}

/** Holds only while the invitation is not revoked ('invitation'): a revoke racing an association wins or loses whole. */
export function invitationStillOpen(invitationId: string): TransactItem {
  return tagged('invitation', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.partnerInvitation(invitationId),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
    },
  });
}

/**
 * Counts one invitation of a partner on a UTC day, refused ('quota') once `cap` were counted: one conditional
 * ADD, so parallel creations never pass the cap. The counter outlives its day by `ttlEpoch`.
 */
export function invitationDayCount(partnerId: string, day: string, cap: number, ttlEpoch: number): TransactItem {
  return tagged('quota', {
    Update: {
      TableName: TABLE(),
      Key: keys.rateWindow('partner-invitations', partnerId, day),
      UpdateExpression: 'ADD n :one SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(n) OR n < :cap',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':ttl': ttlEpoch },
    },
  });
}

// ---- associations (R-PA-01..06)

/** The customer's association, if any: the pointer, then the association item it names. */
export async function loadCustomerPartner(customerId: string): Promise<Association | undefined> {
  const pointer = await getItem(keys.customerPartner(customerId));
  if (!pointer) return undefined;
  return loadPartnerCustomer(pointer.partnerId as string, customerId);
}

/** The association of this partner with this customer; another partner's customer is not found. */
export async function loadPartnerCustomer(partnerId: string, customerId: string): Promise<Association | undefined> {
  const item = await getItem(keys.partnerCustomer(partnerId, customerId));
  return item ? strip<Association>(item) : undefined;
}

/** Several associations of one partner at once (absent ones are left out). */
export async function loadPartnerCustomers(partnerId: string, customerIds: string[]): Promise<Association[]> {
  if (customerIds.length === 0) return [];
  const items = await getMany(customerIds.map((c) => keys.partnerCustomer(partnerId, c)));
  return items.map((i) => strip<Association>(i));
}

/**
 * A new association: the customer's pointer ('pointer': refused when the customer already has a partner, also
 * when two partners associate it at once), the association item ('association'), the facts every check reads
 * (`partnerAssociated`, `partnerFrozen`) and the customer-list index rows ('index', R-PD-10).
 */
export function associationCreateWrites(a: Association): TransactItem[] {
  return [
    tagged('pointer', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.customerPartner(a.customerId), partnerId: a.partnerId, customerId: a.customerId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    tagged('association', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.partnerCustomer(a.partnerId, a.customerId), ...a },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    associationFactsWrite(a.customerId, { partnerAssociated: true, partnerFrozen: a.frozen }),
    // R-PD-10: the customer-list index rows are born with the association.
    ...associationIndexWrites(undefined, a),
  ];
}

/**
 * Changes an association ('association'): only from the version read (a racing change is refused), and sets the
 * next version. A field patched to `undefined` is removed.
 */
export function associationUpdate(a: Association, patch: Partial<Omit<Association, 'partnerId' | 'customerId' | 'version'>>): TransactItem {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':v': a.version, ':next': a.version + 1 };
  const sets = ['#version = :next'];
  const removes: string[] = [];
  Object.entries(patch).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    if (value === undefined) removes.push(`#f${i}`);
    else {
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
  });
  return tagged('association', {
    Update: {
      TableName: TABLE(),
      Key: keys.partnerCustomer(a.partnerId, a.customerId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  });
}

/** Ends an association ('association': only the version read): item, pointer and index rows deleted, facts cleared. */
export function associationEndWrites(a: Association): TransactItem[] {
  return [
    tagged('association', {
      Delete: {
        TableName: TABLE(),
        Key: keys.partnerCustomer(a.partnerId, a.customerId),
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':v': a.version },
      },
    }),
    tagged('pointer', {
      Delete: {
        TableName: TABLE(),
        Key: keys.customerPartner(a.customerId),
        ConditionExpression: 'partnerId = :p',
        ExpressionAttributeValues: { ':p': a.partnerId },
      },
    }),
    associationFactsWrite(a.customerId, { partnerAssociated: false, partnerFrozen: false }),
    // R-PD-10: and its customer-list index rows go with it.
    ...associationIndexWrites(a, undefined),
  ];
}

// ---- the customer list's index rows (R-PD-10; lib/partners/customer-index.ts computes them)

/**
 * The writes that turn index rows `before` into `after`: a Delete per row that went away and a Put per row that is
 * new or changed (unchanged rows are not written). Add them to the transaction of the association change.
 */
export function indexRowsDiff(before: IndexRow[], after: IndexRow[]): TransactItem[] {
  const { deletes, puts } = rowsDiff(before, after);
  return [
    ...deletes.map((r) => tagged('index', { Delete: { TableName: TABLE(), Key: { pk: r.pk, sk: r.sk } } })),
    ...puts.map((r) => tagged('index', { Put: { TableName: TABLE(), Item: { ...r } } })),
  ];
}

const rowsOf = (a: Association | undefined): IndexRow[] => (a ? customerIndexRows(a, a.indexExtras) : []);

/**
 * The index writes of an association change: `before` undefined for an association, `after` undefined for its end,
 * both for an update (`after` = the association as the update leaves it). `associationCreateWrites`,
 * `associationChangeWrites` and `associationEndWrites` carry them: never add them next to those (a transaction may
 * not touch one item twice); a bare `associationUpdate` of an indexed field would leave the rows behind.
 */
export function associationIndexWrites(before: Association | undefined, after: Association | undefined): TransactItem[] {
  return indexRowsDiff(rowsOf(before), rowsOf(after));
}

/** `associationUpdate` plus the index writes it needs: what a freeze, budget, manager or tag change commits. */
export function associationChangeWrites(
  a: Association,
  patch: Partial<Omit<Association, 'partnerId' | 'customerId' | 'version'>>,
): TransactItem[] {
  return [associationUpdate(a, patch), ...associationIndexWrites(a, { ...a, ...patch })];
}

export type IndexPageKey = { pk: string; sk: string };

/**
 * Index rows of one partition (the search's driver) that pass `match`, at most `limit`, reading at most `budget`
 * rows: Query pages of growing size (the first asks for exactly what is missing, so an unfiltered page reads
 * `limit` rows). `nextKey`: where the next page starts — the last row kept when the page filled, else DynamoDB's
 * own; absent at the end of the partition.
 */
export async function customerIndexPage(
  partnerId: string,
  driver: Exclude<Driver, { kind: 'customer' }>,
  options: { limit: number; budget: number; startKey?: IndexPageKey; match: (row: IndexRow) => boolean },
): Promise<{ rows: IndexRow[]; nextKey?: IndexPageKey; read: number }> {
  const rows: IndexRow[] = [];
  let startKey: Record<string, unknown> | undefined = options.startKey;
  let read = 0;
  for (let round = 0; ; round += 1) {
    const ask = Math.min(options.budget - read, Math.max(1, options.limit - rows.length) * 2 ** round);
    const out = await db().send(
      new QueryCommand({ ...indexQuery(partnerId, driver), Limit: ask, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    const items = (out.Items ?? []) as IndexRow[];
    read += items.length;
    for (const item of items) {
      if (!options.match(item)) continue;
      rows.push(item);
      if (rows.length === options.limit) {
        const last = item === items.at(-1) && !out.LastEvaluatedKey ? undefined : { pk: item.pk, sk: item.sk };
        return { rows, read, ...(last ? { nextKey: last } : {}) };
      }
    }
    startKey = out.LastEvaluatedKey;
    if (!startKey) return { rows, read };
    if (read >= options.budget) return { rows, read, nextKey: startKey as IndexPageKey };
  }
}

function indexQuery(partnerId: string, driver: Exclude<Driver, { kind: 'customer' }>) {
  if (driver.kind === 'prefix') {
    // Ascending by normalised value: a prefix is a key condition.
    return {
      TableName: TABLE(),
      ...query(queries.partnerCustomersByPrefix, partnerId, driver.facet, driver.prefix),
      ScanIndexForward: true,
    };
  }
  // Newest association first; sort keys are `<iso time>#<customerId>` ('#' < '~', so `<to>~` keeps rows at `to`).
  const range = driver.from && driver.to ? 'sk BETWEEN :from AND :to' : driver.from ? 'sk >= :from' : driver.to ? 'sk <= :to' : undefined;
  return {
    TableName: TABLE(),
    KeyConditionExpression: `pk = :pk${range ? ` AND ${range}` : ''}`,
    ExpressionAttributeValues: {
      ':pk': keys.partnerCustomerIndexPartition(partnerId, driver.facet, driver.value),
      ...(driver.from ? { ':from': driver.from } : {}),
      ...(driver.to ? { ':to': `${driver.to}~` } : {}),
    },
    ScanIndexForward: false,
  };
}

/** A listed customer as read: its association (the truth), account profile and standing (billing figures). */
export interface CustomerCard {
  association: Association;
  account?: AccountItem;
  standing: Standing;
}

/**
 * The association, account profile and standing of each customer, consistently, in BatchGetItems of at most 100
 * keys (3 per customer). The profile (accounts') and the standing (closure's, operator-recorded) are only read here.
 * A customer with no association of this partner is left out.
 */
export async function loadCustomerCards(partnerId: string, customerIds: string[]): Promise<Map<string, CustomerCard>> {
  const wanted = customerIds.flatMap((c) => [keys.partnerCustomer(partnerId, c), keys.account(c), keys.standing(c)]);
  const chunks = Array.from({ length: Math.ceil(wanted.length / 100) }, (_, i) => wanted.slice(i * 100, i * 100 + 100));
  const items = (await Promise.all(chunks.map((chunk) => getMany(chunk)))).flat();
  const byKey = new Map(items.map((i) => [`${i.pk}\u0000${i.sk}`, i]));
  const at = (k: { pk: string; sk: string }) => byKey.get(`${k.pk}\u0000${k.sk}`);
  const cards = new Map<string, CustomerCard>();
  for (const c of customerIds) {
    const association = at(keys.partnerCustomer(partnerId, c));
    if (!association) continue;
    const account = at(keys.account(c));
    cards.set(c, {
      association: strip<Association>(association),
      ...(account ? { account: account as AccountItem } : {}),
      standing: (at(keys.standing(c))?.standing as Standing | undefined) ?? {},
    });
  }
  return cards;
}
