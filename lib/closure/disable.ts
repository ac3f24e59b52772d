/**
 * Disabling cloud services (R-CL-08, R-CL-11, R-CL-13): one transaction replaces the account with a
 * minimal retained record (dates, reason, billing reference for invoices and transactions), deletes every
 * other item of the account (recipients, history, timers, standing, checks, materials), releases the
 * email, mobile, login ID and tenant-name claims, and revokes every session (the epoch moves on and the
 * status is final). The notice goes out through the outbox, addressed before the address is deleted.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountItem } from '../accounts/account.js';
import { claimValue } from '../accounts/rules.js';
import { auditWrite } from '../audit/audit.js';
import { nowIso } from '../clock.js';
import type { RequestInfo } from '../http/route.js';
import { outboxEntry, publishNow } from '../notify/outbox.js';
import { type ClaimKind, keys } from '../store/keys.js';
import { TABLE, db } from '../store/table.js';
import { type TransactItem, transact } from '../store/writes.js';
import { closureNotice } from './notices.js';

export const HUAWEI_ID_NOTE =
  'Disabling cloud services deletes your cloud account data; your HUAWEI ID is not deleted and can still sign in to other Huawei services.';

function claimsOf(account: AccountItem): Array<[ClaimKind, string]> {
  const claims: Array<[ClaimKind, string | undefined]> = [
    ['EMAIL', claimValue.email(account.email)],
    ['MOBILE', account.mobile],
    ['SVCMOBILE', account.serviceMobile],
    ['SVCEMAIL', account.serviceEmail],
    ['LOGINID', claimValue.name(account.loginId)],
    ['TENANT', claimValue.name(account.tenantName)],
  ];
  return claims.filter((c): c is [ClaimKind, string] => c[1] !== undefined);
}

async function otherItemsOf(accountId: string): Promise<Array<{ pk: string; sk: string }>> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.account(accountId).pk },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).filter((i) => i.sk !== 'PROFILE') as Array<{ pk: string; sk: string }>;
}

export interface DisableOptions {
  by: 'customer' | 'scheduler';
  request: Pick<RequestInfo, 'requestId' | 'sourceIp'>;
  /** Items that must commit with it (the customer's disable-services code). */
  with?: TransactItem[];
}

export async function disableAccount(account: AccountItem, options: DisableOptions): Promise<{ disabledAt: string }> {
  const disabledAt = nowIso();
  const closure = (account.closure ?? {}) as { closedAt?: string; reason?: string };
  const notice = outboxEntry(closureNotice(account, 'services-disabled', { disabledAt }));
  const retained = {
    ...keys.account(account.accountId),
    accountId: account.accountId,
    status: 'disabled',
    version: account.version + 1,
    sessionEpoch: account.sessionEpoch + 1,
    createdAt: account.createdAt,
    ...(account.enabledAt ? { enabledAt: account.enabledAt } : {}),
    closedAt: closure.closedAt,
    disabledAt,
    disabledBy: options.by,
    closureReason: closure.reason,
    // Invoices and transactions stay in the billing system under this reference (tax and e-commerce law).
    billingRecordsRef: `billing:account/${account.accountId}`,
  };
  const items: TransactItem[] = [
    ...(options.with ?? []),
    {
      Put: {
        TableName: TABLE(),
        Item: retained,
        ConditionExpression: 'version = :v AND #status = :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':v': account.version, ':closed': 'closed' },
      },
    },
    ...(await otherItemsOf(account.accountId)).map((key) => ({ Delete: { TableName: TABLE(), Key: key } })),
    ...claimsOf(account).map(([kind, value]) => ({ Delete: { TableName: TABLE(), Key: keys.claim(kind, value) } })),
    notice.write,
    auditWrite({ accountId: account.accountId, traceName: 'disableServices', request: options.request, result: 'success', actor: options.by === 'scheduler' ? 'scheduler' : account.accountId }),
  ];
  await transact(items);
  await publishNow([notice.pending]);
  return { disabledAt };
}
