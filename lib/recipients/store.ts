/**
 * The recipients area's store (R-PR-03): recipient items live under the caller's account partition,
 * so another account's recipient is simply not found (R-SEC-05). Every change carries the account gate:
 * the account is open for changes (R-CL-10) and, when adding, below the limit.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EDITABLE } from '../core/account-status.js';
import { recipientsConfig } from '../core/config.js';
import * as keys from '../core/store/key-builders.js';
import { query } from '../core/store/patterns.js';
import * as queries from '../core/store/queries.js';
import { TABLE, db } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';

export interface RecipientItem {
  recipientId: string;
  name: string;
  email?: string;
  mobile?: string;
  messageTypes: string[];
  createdAt: string;
  updatedAt: string;
}

const toRecipient = (i: Record<string, any>): RecipientItem => ({
  recipientId: i.recipientId,
  name: i.name,
  ...(i.email ? { email: i.email } : {}),
  ...(i.mobile ? { mobile: i.mobile } : {}),
  messageTypes: i.messageTypes,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

/** The account item condition every recipient change carries (tag `account`): open, and below the limit when adding. */
function accountGate(accountId: string, delta: number) {
  return tagged('account', {
    Update: {
      TableName: TABLE(),
      Key: keys.account(accountId),
      UpdateExpression: 'ADD recipientCount :delta',
      ConditionExpression: `#status IN (${EDITABLE.map((_, i) => `:s${i}`).join(', ')})${delta > 0 ? ' AND (attribute_not_exists(recipientCount) OR recipientCount < :max)' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':delta': delta,
        ...Object.fromEntries(EDITABLE.map((s, i) => [`:s${i}`, s])),
        ...(delta > 0 ? { ':max': recipientsConfig.maxPerAccount } : {}),
      },
    },
  });
}

export async function listRecipientItems(accountId: string): Promise<RecipientItem[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.recipients, accountId),
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(toRecipient);
}

/** Only the caller's own recipient: another account's ID names nothing here. */
export async function findRecipient(accountId: string, recipientId: string): Promise<RecipientItem | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: TABLE(), Key: keys.recipient(accountId, recipientId), ConsistentRead: true }),
  );
  return Item ? toRecipient(Item) : undefined;
}

/** What failed when a recipient change did not commit. */
export type RecipientRefusal = 'closed-or-full' | 'not-found';

function refusal(failure: ConditionFailed): RecipientRefusal {
  return failure.failed('recipient') ? 'not-found' : 'closed-or-full';
}

async function commit(items: TransactItem[]): Promise<RecipientRefusal | undefined> {
  try {
    await transact(items);
    return undefined;
  } catch (error) {
    if (error instanceof ConditionFailed) return refusal(error);
    throw error;
  }
}

/** Adds a recipient and counts it on the account, with `trace` in the same transaction. */
export function commitAddRecipient(accountId: string, recipient: RecipientItem, trace: TransactItem) {
  return commit([
    accountGate(accountId, 1),
    tagged('recipient', {
      Put: {
        TableName: TABLE(),
        Item: { ...keys.recipient(accountId, recipient.recipientId), ...recipient },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
    trace,
  ]);
}

/** Replaces an existing recipient's data (tag `recipient` fails when there is none). */
export function commitEditRecipient(
  accountId: string,
  recipientId: string,
  data: Omit<RecipientItem, 'recipientId' | 'createdAt' | 'updatedAt'>,
  at: string,
  trace: TransactItem,
) {
  const contact = (['email', 'mobile'] as const).filter((f) => data[f] !== undefined);
  const absent = (['email', 'mobile'] as const).filter((f) => data[f] === undefined);
  return commit([
    accountGate(accountId, 0),
    tagged('recipient', {
      Update: {
        TableName: TABLE(),
        Key: keys.recipient(accountId, recipientId),
        UpdateExpression: `SET #name = :name, messageTypes = :types, updatedAt = :at${contact.map((f) => `, ${f} = :${f}`).join('')}${absent.length ? ` REMOVE ${absent.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':name': data.name,
          ':types': data.messageTypes,
          ':at': at,
          ...Object.fromEntries(contact.map((f) => [`:${f}`, data[f]])),
        },
      },
    }),
    trace,
  ]);
}

/** Deletes an existing recipient and uncounts it. */
export function commitDeleteRecipient(accountId: string, recipientId: string, trace: TransactItem) {
  return commit([
    accountGate(accountId, -1),
    tagged('recipient', {
      Delete: { TableName: TABLE(), Key: keys.recipient(accountId, recipientId), ConditionExpression: 'attribute_exists(pk)' },
    }),
    trace,
  ]);
}

/** The contacts and subscriptions of every recipient of the account (notices, R-PR-03). */
export async function subscribedContacts(accountId: string): Promise<Array<{ email?: string; mobile?: string; messageTypes?: unknown }>> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.recipients, accountId),
      ProjectionExpression: 'email, mobile, messageTypes',
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Array<{ email?: string; mobile?: string; messageTypes?: unknown }>;
}
