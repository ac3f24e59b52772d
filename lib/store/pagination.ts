/**
 * Opaque, tamper-evident cursors: base64url(JSON(lastEvaluatedKey)) + "." + HMAC over it and the
 * scope (e.g. the account ID), so a cursor cannot be edited nor replayed against another list.
 */
import { keyedHash, safeEqual } from '../crypto.js';
import { ValidationFailed } from '../errors.js';

export function encodeCursor(scope: string, lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  const payload = Buffer.from(JSON.stringify(lastKey)).toString('base64url');
  return `${payload}.${keyedHash(`cursor:${scope}`, payload)}`;
}

export function decodeCursor(scope: string, cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const [payload, mac, extra] = cursor.split('.');
  const invalid = new ValidationFailed([{ path: 'query.cursor', message: 'Invalid cursor.' }]);
  if (!payload || !mac || extra !== undefined) throw invalid;
  if (!safeEqual(mac, keyedHash(`cursor:${scope}`, payload))) throw invalid;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid;
    return value as Record<string, unknown>;
  } catch {
    throw invalid;
  }
}
