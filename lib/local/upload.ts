/** PUT /local/uploads/{token}: what S3 does with a presigned PUT — the grant must match type and exact size. */
import { Forbidden, SizeMismatch } from '../core/errors.js';
import { LOCAL_UPLOAD_CONTENT_TYPE, readGrant, storeUpload } from './file-storage.js';

/** What an upload request brings: its headers and raw bytes (the handler passes its request). */
export interface UploadRequest {
  headers: Record<string, string | undefined>;
  rawBody?: Buffer;
}

export async function receiveUpload(token: string, request: UploadRequest) {
  const grant = readGrant(token);
  if (!grant || request.headers['content-type'] !== LOCAL_UPLOAD_CONTENT_TYPE)
    throw new Forbidden('The upload grant is invalid, expired, or sent without its headers.');
  const bytes = request.rawBody ?? Buffer.alloc(0);
  if (bytes.length !== grant.sizeBytes) throw new SizeMismatch(grant.sizeBytes);
  await storeUpload(grant, bytes);
  return { sizeBytes: bytes.length };
}
