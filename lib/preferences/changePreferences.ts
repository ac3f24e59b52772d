/**
 * Preferences (R-PR-01, R-PR-02): message language, IANA time zone and transaction currency. Currency
 * changes are kept as history items (monthly bills use the last currency chosen in the cycle).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { accountUpdate, requireAccount, staleAccount } from '../accounts/account.js';
import { isTimeZone } from '../accounts/catalogues.js';
import { EDITABLE } from '../accounts/change-account.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { ValidationFailed } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, transact } from '../core/store/writes.js';

export interface PreferenceInput {
  messageLanguage?: 'en' | 'zh';
  timeZone?: string;
  currency?: string;
}

export async function changePreferences(session: Session, input: PreferenceInput, request: RequestInfo) {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new ValidationFailed([{ path: 'body.timeZone', message: 'Use an IANA time zone, e.g. Europe/Berlin.' }]);
  }
  const account = await requireAccount(session.accountId);
  const before = account.preferences;
  const preferences = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const at = nowIso();
  const items: TransactItem[] = [
    accountUpdate(account, { preferences }, { expectStatus: EDITABLE }),
    auditWrite({
      accountId: account.accountId,
      traceName: 'changePreferences',
      request,
      result: 'success',
      changes: (Object.keys(input) as Array<keyof PreferenceInput>)
        .filter((k) => input[k] !== undefined && input[k] !== before[k])
        .map((k) => ({ field: k, old: before[k], new: input[k] })),
    }),
  ];
  if (input.currency && input.currency !== before.currency) {
    items.push({
      Put: {
        TableName: TABLE(),
        Item: { ...keys.currencyChange(account.accountId, at), currency: input.currency, previous: before.currency, changedAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  await transact(items, staleAccount);
  return preferences;
}

/** R-PR-02: the currency history, oldest first. */
export async function currencyHistory(accountId: string): Promise<Array<{ currency: string; changedAt: string }>> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.account(accountId).pk, ':prefix': 'CURRENCY#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => ({ currency: i.currency, changedAt: i.changedAt }));
}
