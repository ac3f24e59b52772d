/**
 * Where uploaded materials live (R-RN-08: privately, never listed). Port with two adapters: S3 (every stage: AWS when
 * deployed, s3rver in the local stage and tests; presigned PUT with the size and type signed, so S3 refuses anything else)
 * and the local filesystem (only with STORAGE=local; uploads go to PUT /local/uploads/{token}).
 */
import { config } from '../core/config.js';
import { S3Storage } from './s3-storage.js';

export interface UploadTarget {
  method: 'PUT';
  url: string;
  /** Headers the client must send exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface MaterialStorage {
  uploadTarget(key: string, contentType: string, sizeBytes: number): Promise<UploadTarget>;
  /** The first `bytes` bytes and the real size, or undefined when nothing was uploaded. */
  head(key: string, bytes: number): Promise<{ head: Uint8Array; size: number } | undefined>;
  /** Copies an uploaded object to a key the client cannot write (what is checked is what is kept). */
  promote(fromKey: string, toKey: string): Promise<void>;
  remove(key: string): Promise<void>;
}

let chosen: MaterialStorage | undefined;
let localAdapter: (() => MaterialStorage) | undefined;

/** The composition root hands over the local stage's adapter (lib/app/local.ts). */
export function registerLocalStorage(make: () => MaterialStorage): void {
  localAdapter = make;
}

function local(): MaterialStorage {
  if (!localAdapter) throw new Error('No local material storage is registered (import lib/app/local.ts).');
  return localAdapter();
}

export function materialStorage(): MaterialStorage {
  chosen ??= config.storage === 's3' ? new S3Storage() : local();
  return chosen;
}
