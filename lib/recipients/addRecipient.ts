/**
 * Message recipients (R-PR-03): additional receivers of notices, at most 10 per account (*default*),
 * each change audited (addRecipient / editRecipient / deleteRecipient). Items live under the caller's
 * account key, so another account's recipient is simply not found (R-SEC-05).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EDITABLE } from '../accounts/change-account.js';
import { isE164, normalizeEmail, normalizeMobile } from '../accounts/rules.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { config } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { NotFound, RuleViolation, ValidationFailed } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { transact } from '../core/store/writes.js';

export interface RecipientInput {
  name: string;
  email?: string;
  mobile?: string;
  messageTypes: string[];
}

export interface Recipient extends RecipientInput {
  recipientId: string;
  createdAt: string;
  updatedAt: string;
}

function clean(input: RecipientInput): RecipientInput {
  const errors = [];
  if (!input.email && !input.mobile) errors.push({ path: 'body.email', message: 'Give an email, a mobile number, or both.' });
  if (input.mobile && !isE164(input.mobile)) errors.push({ path: 'body.mobile', message: 'Use the international format, e.g. +4915112345678.' });
  if (errors.length) throw new ValidationFailed(errors);
  return {
    name: input.name,
    ...(input.email ? { email: normalizeEmail(input.email) } : {}),
    ...(input.mobile ? { mobile: normalizeMobile(input.mobile) } : {}),
    messageTypes: [...new Set(input.messageTypes)],
  };
}

/** The account item condition every recipient change carries: the account is open for changes (R-CL-10). */
function accountGate(accountId: string, delta: number) {
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.account(accountId),
      UpdateExpression: 'ADD recipientCount :delta',
      ConditionExpression: `#status IN (${EDITABLE.map((_, i) => `:s${i}`).join(', ')})${delta > 0 ? ' AND (attribute_not_exists(recipientCount) OR recipientCount < :max)' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':delta': delta,
        ...Object.fromEntries(EDITABLE.map((s, i) => [`:s${i}`, s])),
        ...(delta > 0 ? { ':max': config.recipients.maxPerAccount } : {}),
      },
    },
  };
}

const closedOrFull = (adding: boolean) =>
  new RuleViolation(adding ? 'QUOTA_EXCEEDED' : 'NOT_ALLOWED', adding ? 'No more recipients can be added.' : 'The account is closed.', [
    adding
      ? { condition: 'recipient-limit', message: `At most ${config.recipients.maxPerAccount} recipients; delete one first (or the account is closed).` }
      : { condition: 'services-closed', message: 'Restore cloud services first.' },
  ]);

const toRecipient = (i: Record<string, any>): Recipient => ({
  recipientId: i.recipientId,
  name: i.name,
  ...(i.email ? { email: i.email } : {}),
  ...(i.mobile ? { mobile: i.mobile } : {}),
  messageTypes: i.messageTypes,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

export async function listRecipients(session: Session): Promise<{ items: Recipient[] }> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.account(session.accountId).pk, ':prefix': 'RECIPIENT#' },
      ConsistentRead: true,
    }),
  );
  return { items: (out.Items ?? []).map(toRecipient) };
}

export async function addRecipient(session: Session, input: RecipientInput, request: RequestInfo): Promise<Recipient> {
  const data = clean(input);
  const at = nowIso();
  const recipient: Recipient = { recipientId: newId('rc_'), ...data, createdAt: at, updatedAt: at };
  await transact(
    [
      accountGate(session.accountId, 1),
      { Put: { TableName: TABLE(), Item: { ...keys.recipient(session.accountId, recipient.recipientId), ...recipient }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditWrite({ accountId: session.accountId, traceName: 'addRecipient', request, result: 'success', changes: [{ field: 'recipient', new: data.name }] }),
    ],
    () => closedOrFull(true),
  );
  return recipient;
}

export async function editRecipient(session: Session, recipientId: string, input: RecipientInput, request: RequestInfo): Promise<Recipient> {
  const data = clean(input);
  const at = nowIso();
  const contact = (['email', 'mobile'] as const).filter((f) => data[f] !== undefined);
  const absent = (['email', 'mobile'] as const).filter((f) => data[f] === undefined);
  await transact(
    [
      accountGate(session.accountId, 0),
      {
        Update: {
          TableName: TABLE(),
          Key: keys.recipient(session.accountId, recipientId),
          UpdateExpression: `SET #name = :name, messageTypes = :types, updatedAt = :at${contact.map((f) => `, ${f} = :${f}`).join('')}${absent.length ? ` REMOVE ${absent.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': data.name, ':types': data.messageTypes, ':at': at, ...Object.fromEntries(contact.map((f) => [`:${f}`, data[f]])) },
        },
      },
      auditWrite({ accountId: session.accountId, traceName: 'editRecipient', request, result: 'success', changes: [{ field: 'recipient', new: data.name }] }),
    ],
    (failure) => (failure.failedItems().includes(1) ? new NotFound() : closedOrFull(false)),
  );
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.recipient(session.accountId, recipientId), ConsistentRead: true }));
  return toRecipient(Item!);
}

export async function deleteRecipient(session: Session, recipientId: string, request: RequestInfo): Promise<void> {
  await transact(
    [
      accountGate(session.accountId, -1),
      { Delete: { TableName: TABLE(), Key: keys.recipient(session.accountId, recipientId), ConditionExpression: 'attribute_exists(pk)' } },
      auditWrite({ accountId: session.accountId, traceName: 'deleteRecipient', request, result: 'success', changes: [{ field: 'recipient', old: recipientId }] }),
    ],
    (failure) => (failure.failedItems().includes(1) ? new NotFound() : closedOrFull(false)),
  );
}
