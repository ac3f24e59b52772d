/**
 * The real-name area's store (issue 13; the first piece, used by the approval to come). R-RN-04: one certificate
 * number authenticates at most 3 accounts (individual) or 6 (enterprise), enforced atomically at approval: one
 * counter item per number's keyed hash and kind, `ADD` conditioned on the count and on the account not being counted
 * yet, so racing approvals for the last slot give exactly one. Numbers are stored only as keyed hashes.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keyedHash } from '../core/crypto.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, tagged } from '../core/store/writes.js';

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
