/**
 * The materials area's table access (the only file of the area that touches the SDK; the S3 adapter
 * signs its own requests). A material is an item under its account (keys.material): looked up only
 * under the caller's account, so another account's material is simply not found (R-SEC-05).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { put, update } from '../core/store/writes.js';
import type { FileType, MaterialPurpose } from './rules.js';

export interface MaterialItem {
  materialId: string;
  purpose: MaterialPurpose;
  declaredType?: FileType;
  fileType?: FileType;
  sizeBytes: number;
  objectKey: string;
  finalKey: string;
  status: 'awaiting-upload' | 'verified' | 'rejected';
  createdAt: string;
  verifiedAt?: string;
  ttl?: number;
}

export async function loadMaterial(accountId: string, materialId: string): Promise<MaterialItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.material(accountId, materialId), ConsistentRead: true }));
  return Item as MaterialItem | undefined;
}

/** A new declaration; never overwrites a material. */
export async function createMaterial(accountId: string, material: MaterialItem): Promise<void> {
  await put({
    TableName: TABLE(),
    Item: { ...keys.material(accountId, material.materialId), ...material },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export async function markRejected(accountId: string, materialId: string): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :rejected',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':rejected': 'rejected' },
  });
}

/** Accepts an awaiting material once (a ConditionFailed when it was not awaiting its upload any more). */
export async function markVerified(
  accountId: string,
  materialId: string,
  verified: { fileType: FileType; sizeBytes: number; verifiedAt: string },
): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :verified, fileType = :type, sizeBytes = :size, verifiedAt = :at REMOVE #ttl',
    ConditionExpression: '#s = :awaiting',
    ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
    ExpressionAttributeValues: {
      ':verified': 'verified',
      ':awaiting': 'awaiting-upload',
      ':type': verified.fileType,
      ':size': verified.sizeBytes,
      ':at': verified.verifiedAt,
    },
  });
}
