/**
 * Local stage / tests, only with STORAGE=local (the default is S3 on s3rver): materials on the filesystem (.local/uploads). The upload target is the
 * local-only route PUT /local/uploads/{token}; the token is an HMAC-signed grant for one key, type and
 * exact size, like a presigned URL.
 */
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { addSeconds, now } from '../core/clock.js';
import { localConfig, materialsConfig } from '../core/config.js';
import { keyedHash, safeEqual } from '../core/crypto.js';
import type { MaterialStorage, UploadTarget } from '../materials/storage.js';

interface Grant {
  key: string;
  contentType: string;
  sizeBytes: number;
  expiresAt: string;
}

export const LOCAL_UPLOAD_CONTENT_TYPE = 'application/octet-stream';

const root = () => resolve(localConfig.uploadsDir);
const pathOf = (key: string) => join(root(), ...key.split('/').map((p) => p.replace(/[^A-Za-z0-9_.-]/g, '_')));

export function grantToken(grant: Grant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${payload}.${keyedHash('local-upload', payload)}`;
}

export function readGrant(token: string): Grant | undefined {
  const [payload, mac] = token.split('.');
  if (!payload || !mac || !safeEqual(mac, keyedHash('local-upload', payload))) return undefined;
  const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Grant;
  return grant.expiresAt > now().toISOString() ? grant : undefined;
}

export async function storeUpload(grant: Grant, bytes: Buffer): Promise<void> {
  const file = pathOf(grant.key);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

export class LocalFileStorage implements MaterialStorage {
  async uploadTarget(key: string, contentType: string, sizeBytes: number): Promise<UploadTarget> {
    const expiresAt = addSeconds(now(), materialsConfig.uploadTtlSeconds).toISOString();
    const token = grantToken({ key, contentType, sizeBytes, expiresAt });
    // serverless-offline passes only application/octet-stream bodies through as bytes, hence this header
    // locally; the declared type is in the grant. Clients send `upload.headers` as given in every stage.
    return {
      method: 'PUT',
      url: `${localConfig.baseUrl}/local/uploads/${token}`,
      headers: { 'content-type': LOCAL_UPLOAD_CONTENT_TYPE },
      expiresAt,
    };
  }

  async head(key: string, bytes: number): Promise<{ head: Uint8Array; size: number } | undefined> {
    try {
      const file = pathOf(key);
      const size = (await stat(file)).size;
      return { head: new Uint8Array((await readFile(file)).subarray(0, bytes)), size };
    } catch {
      return undefined;
    }
  }

  async promote(fromKey: string, toKey: string): Promise<void> {
    const to = pathOf(toKey);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(pathOf(fromKey), to);
  }

  async remove(key: string): Promise<void> {
    await rm(pathOf(key), { force: true });
  }
}
