/**
 * Opaque, tamper-evident cursors (issue 9 item 7): the last-evaluated key is encrypted with AES-256-GCM
 * under a key derived from the HMAC secret, with the scope (the account ID and the list's filter) as
 * associated data. A client learns nothing from a cursor, cannot edit one, and cannot use one against
 * another account or another filter: each of those is a 400 naming query.cursor.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { config } from '../config.js';
import { ValidationFailed } from '../errors.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function cursorKey(): Buffer {
  return createHmac('sha256', config.hmacSecret).update('cursor-encryption-key').digest();
}

export function encodeCursor(scope: string, lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(), iv);
  cipher.setAAD(Buffer.from(`cursor:${scope}`, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

export function decodeCursor(scope: string, cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const invalid = new ValidationFailed([{ path: 'query.cursor', message: 'Invalid cursor.' }]);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES || raw.toString('base64url') !== cursor) throw invalid;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`cursor:${scope}`, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    const value: unknown = JSON.parse(plain);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid;
    return value as Record<string, unknown>;
  } catch {
    throw invalid;
  }
}
