/**
 * Materials (uploaded evidence, R-AI-07; the real-name capability reuses them): declare, upload to the
 * presigned target, then complete — completion reads the first bytes and the real size and accepts the
 * file only if its content is an allowed type and the declared one.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds, nowIso } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { NotFound, RuleViolation, ValidationFailed } from '../core/errors.js';
import type { Session } from '../core/http/route.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { put, update } from '../core/store/writes.js';
import { type FileType, type MaterialPurpose, SNIFF_BYTES, contentProblem, declarationProblems, typeOfDeclaration } from './rules.js';
import { materialStorage } from './storage.js';

const PENDING_TTL_SECONDS = 86_400;

export async function declareMaterial(session: Session, input: { purpose: MaterialPurpose; fileName: string; contentType: string; sizeBytes: number }) {
  const problems = declarationProblems(input.purpose, input.fileName, input.contentType, input.sizeBytes);
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const materialId = newId('mt_');
  // The client writes only under uploads/ (expires in a day); checked files are copied to materials/.
  const objectKey = `uploads/${session.accountId}/${materialId}`;
  const finalKey = `materials/${session.accountId}/${materialId}`;
  const upload = await materialStorage().uploadTarget(objectKey, input.contentType, input.sizeBytes);
  await put({
    TableName: TABLE(),
    Item: {
      ...keys.material(session.accountId, materialId),
      materialId,
      purpose: input.purpose,
      declaredType: typeOfDeclaration(input.fileName, input.contentType),
      sizeBytes: input.sizeBytes,
      objectKey,
      finalKey,
      status: 'awaiting-upload',
      createdAt: nowIso(),
      ttl: epochSeconds() + PENDING_TTL_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
  return { materialId, upload };
}

export async function completeMaterial(session: Session, materialId: string) {
  const key = keys.material(session.accountId, materialId);
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }));
  if (!Item) throw new NotFound();
  if (Item.status === 'verified') return { materialId, status: 'verified' as const, fileType: Item.fileType as FileType };
  if (Item.status !== 'awaiting-upload') {
    throw new RuleViolation('MATERIAL_INVALID', 'This material was refused.', [{ condition: 'content-check', message: 'Declare and upload the file again.' }]);
  }
  const storage = materialStorage();
  // Copy first, then check the copy: a re-upload to the presigned target cannot swap the checked bytes.
  const uploaded = await storage.head(Item.objectKey, 1);
  if (uploaded) await storage.promote(Item.objectKey, Item.finalKey);
  const stored = uploaded ? await storage.head(Item.finalKey, SNIFF_BYTES) : undefined;
  if (!stored) {
    throw new RuleViolation('UPLOAD_MISSING', 'Nothing was uploaded for this material yet.', [
      { condition: 'upload-missing', message: 'Upload the file to the target from POST /v1/materials, then complete again.' },
    ]);
  }
  const problem = contentProblem(Item.purpose as MaterialPurpose, Item.declaredType as FileType, stored.head, stored.size);
  await storage.remove(Item.objectKey);
  if (problem) {
    await storage.remove(Item.finalKey);
    await update({ TableName: TABLE(), Key: key, UpdateExpression: 'SET #s = :rejected', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':rejected': 'rejected' } });
    throw new RuleViolation('MATERIAL_INVALID', 'The uploaded file was refused.', [{ condition: 'content-check', message: `${problem} Declare and upload an allowed file.` }]);
  }
  await update({
    TableName: TABLE(),
    Key: key,
    UpdateExpression: 'SET #s = :verified, fileType = :type, sizeBytes = :size, verifiedAt = :at REMOVE #ttl',
    ConditionExpression: '#s = :awaiting',
    ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':verified': 'verified', ':awaiting': 'awaiting-upload', ':type': Item.declaredType, ':size': stored.size, ':at': nowIso() },
  });
  return { materialId, status: 'verified' as const, fileType: Item.declaredType as FileType };
}
