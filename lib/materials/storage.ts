/**
 * Where uploaded materials live (R-RN-08: privately, never listed, read only through short-lived links). One adapter,
 * S3, in every stage: AWS when deployed, s3rver in the local stage and tests (presigned PUT with the size and type
 * signed, so S3 refuses anything else; presigned GET for reading).
 */
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
  /** A presigned GET of `key` valid for `ttlSeconds` (R-RN-08: the only way anyone reads the bytes). */
  readLink(key: string, ttlSeconds: number): Promise<ReadLink>;
}

export interface ReadLink {
  url: string;
  expiresAt: string;
}

let chosen: MaterialStorage | undefined;

export function materialStorage(): MaterialStorage {
  chosen ??= new S3Storage();
  return chosen;
}
