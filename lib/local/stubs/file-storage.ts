/** Deployed bundles: stands in for ../file-storage.ts (same exports; see ./local-only.ts). */
import type { MaterialStorage, UploadTarget } from '../../materials/storage.js';
import { localOnly } from './local-only.js';

export const LOCAL_UPLOAD_CONTENT_TYPE = 'application/octet-stream';

type Grant = { key: string; contentType: string; sizeBytes: number; expiresAt: string };

export function grantToken(_grant: Grant): string {
  return localOnly('grantToken');
}

export function readGrant(_token: string): Grant | undefined {
  return localOnly('readGrant');
}

export async function storeUpload(_grant: Grant, _bytes: Buffer): Promise<void> {
  localOnly('storeUpload');
}

export class LocalFileStorage implements MaterialStorage {
  constructor() {
    localOnly('LocalFileStorage');
  }

  uploadTarget(): Promise<UploadTarget> {
    return localOnly('LocalFileStorage');
  }

  head(): Promise<{ head: Uint8Array; size: number } | undefined> {
    return localOnly('LocalFileStorage');
  }

  promote(): Promise<void> {
    return localOnly('LocalFileStorage');
  }

  remove(): Promise<void> {
    return localOnly('LocalFileStorage');
  }
}
