/**
 * The materials area's table access (the only file of the area that touches the SDK; the S3 adapter
 * signs its own requests). A material is an item under its account (keys.material): looked up only
 * under the caller's account, so another account's material is simply not found (R-SEC-05).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { ConditionFailed, put, update } from '../core/store/writes.js';
import type { FileType, MaterialPurpose } from './rules.js';

export interface MaterialItem {
  materialId: string;
  purpose: MaterialPurpose;
  declaredType?: FileType;
  fileType?: FileType;
  sizeBytes: number;
  objectKey: string;
  finalKey: string;
  /** checking: one completion holds it (`claim`) while it checks the file; another completion meanwhile is a 409. */
  status: 'awaiting-upload' | 'checking' | 'verified' | 'rejected';
  claim?: string;
  claimedAt?: string;
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

/**
 * One completion at a time: moves the material awaiting its upload (or held by a completion that stopped before
 * `staleBefore`) to `checking` under `claim`. False when another completion holds it or it is no longer awaiting.
 */
export async function claimForCheck(
  accountId: string,
  materialId: string,
  claim: string,
  at: string,
  staleBefore: string,
): Promise<boolean> {
  return update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :checking, claim = :claim, claimedAt = :at',
    ConditionExpression: '#s = :awaiting OR (#s = :checking AND claimedAt < :stale)',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':checking': 'checking',
      ':awaiting': 'awaiting-upload',
      ':claim': claim,
      ':at': at,
      ':stale': staleBefore,
    },
  }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ConditionFailed) return false;
      throw error;
    },
  );
}

/** Gives the material back to `awaiting-upload` (the check stopped early, e.g. nothing uploaded yet), own claim only. */
export async function releaseClaim(accountId: string, materialId: string, claim: string): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :awaiting REMOVE claim, claimedAt',
    ConditionExpression: '#s = :checking AND claim = :claim',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':awaiting': 'awaiting-upload', ':checking': 'checking', ':claim': claim },
  }).catch((error: unknown) => {
    if (!(error instanceof ConditionFailed)) throw error;
  });
}

/** Refuses the file of the completion holding `claim` (never a verified material: a ConditionFailed then). */
export async function markRejected(accountId: string, materialId: string, claim: string): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :rejected REMOVE claim, claimedAt',
    ConditionExpression: '#s = :checking AND claim = :claim',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':rejected': 'rejected', ':checking': 'checking', ':claim': claim },
  });
}

/** Accepts the material checked under `claim` once (a ConditionFailed when that completion no longer holds it). */
export async function markVerified(
  accountId: string,
  materialId: string,
  verified: { fileType: FileType; sizeBytes: number; verifiedAt: string },
  claim: string,
): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.material(accountId, materialId),
    UpdateExpression: 'SET #s = :verified, fileType = :type, sizeBytes = :size, verifiedAt = :at REMOVE #ttl, claim, claimedAt',
    ConditionExpression: '#s = :checking AND claim = :claim',
    ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
    ExpressionAttributeValues: {
      ':verified': 'verified',
      ':checking': 'checking',
      ':claim': claim,
      ':type': verified.fileType,
      ':size': verified.sizeBytes,
      ':at': verified.verifiedAt,
    },
  });
}
