/**
 * S3 adapter without the S3 client: the calls it needs (presigned PUT and GET, ranged GET, copy, DELETE) are
 * signed with SigV4 from @smithy/signature-v4 and sent with fetch. Measured reason: @aws-sdk/client-s3
 * would push this function's bundle past the 400 KB budget.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { addSeconds, wallClock } from '../core/clock.js';
import { config, materialsConfig } from '../core/config.js';
import type { MaterialStorage, ReadLink, UploadTarget } from './storage.js';

/** SigV4's hash constructor (HMAC when given a secret), on node:crypto. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class NodeSha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** Attempts of an idempotent DELETE answered 5xx. */
const DELETE_ATTEMPTS = 4;

function signer(): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    region: config.region,
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
    credentials: async () => ({
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
      ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    }),
  });
}

/** Virtual-hosted on AWS; an endpoint override (S3_ENDPOINT, s3rver locally) and path-style URLs when configured. */
function origin(): { protocol: string; host: string; prefix: string } {
  const bucket = config.materialsBucket;
  const endpoint = materialsConfig.s3Endpoint ? new URL(materialsConfig.s3Endpoint) : new URL(`https://s3.${config.region}.amazonaws.com`);
  return materialsConfig.s3PathStyle
    ? { protocol: endpoint.protocol, host: endpoint.host, prefix: `/${bucket}` }
    : { protocol: endpoint.protocol, host: `${bucket}.${endpoint.host}`, prefix: '' };
}

export class S3Storage implements MaterialStorage {
  private readonly at = origin();
  private readonly base = `${this.at.protocol}//${this.at.host}`;

  private request(method: string, key: string, headers: Record<string, string> = {}) {
    const [hostname, port] = this.at.host.split(':');
    return {
      method,
      protocol: this.at.protocol,
      hostname: hostname ?? '',
      ...(port ? { port: Number(port) } : {}),
      path: `${this.at.prefix}/${key.split('/').map(encodeURIComponent).join('/')}`,
      headers: { host: this.at.host, ...headers },
      query: {},
    };
  }

  async uploadTarget(key: string, contentType: string, sizeBytes: number): Promise<UploadTarget> {
    // The bucket encrypts by default; size and type are signed, so S3 refuses any other upload.
    const headers = { 'content-type': contentType, 'content-length': String(sizeBytes) };
    const signed = await signer().presign(this.request('PUT', key, headers), {
      expiresIn: materialsConfig.uploadTtlSeconds,
      signingDate: wallClock(),
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    const query = new URLSearchParams(signed.query as Record<string, string>).toString();
    return {
      method: 'PUT',
      url: `${this.base}${signed.path}?${query}`,
      headers,
      expiresAt: addSeconds(wallClock(), materialsConfig.uploadTtlSeconds).toISOString(),
    };
  }

  /** R-RN-08: a presigned GET valid for `ttlSeconds`; the object stays private (no ACL, no public URL). */
  async readLink(key: string, ttlSeconds: number): Promise<ReadLink> {
    const at = wallClock();
    const signed = await signer().presign(this.request('GET', key), { expiresIn: ttlSeconds, signingDate: at });
    const query = new URLSearchParams(signed.query as Record<string, string>).toString();
    return { url: `${this.base}${signed.path}?${query}`, expiresAt: addSeconds(at, ttlSeconds).toISOString() };
  }

  async head(key: string, bytes: number): Promise<{ head: Uint8Array; size: number } | undefined> {
    const signed = await signer().sign(
      this.request('GET', key, { range: `bytes=0-${bytes - 1}`, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }),
      { signingDate: wallClock() },
    );
    const res = await fetch(`${this.base}${signed.path}`, { headers: signed.headers as Record<string, string> });
    if (res.status === 404 || res.status === 403) return undefined;
    if (!res.ok) throw new Error(`S3 GET failed: ${res.status}`);
    const size = Number(res.headers.get('content-range')?.split('/')[1] ?? res.headers.get('content-length') ?? 0);
    return { head: new Uint8Array(await res.arrayBuffer()), size };
  }

  async promote(fromKey: string, toKey: string): Promise<void> {
    const source = `/${config.materialsBucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`;
    const signed = await signer().sign(
      this.request('PUT', toKey, { 'x-amz-copy-source': source, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }),
      { signingDate: wallClock() },
    );
    const res = await fetch(`${this.base}${signed.path}`, { method: 'PUT', headers: signed.headers as Record<string, string> });
    if (!res.ok) throw new Error(`S3 copy failed: ${res.status}`);
  }

  /**
   * DELETE is idempotent: a 5xx (S3's InternalError / SlowDown, which S3 asks clients to retry; s3rver answers 500
   * to concurrent DELETEs now and then) is retried a few times, as the AWS SDK's standard retry would.
   */
  async remove(key: string): Promise<void> {
    let status = 0;
    for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt += 1) {
      const signed = await signer().sign(this.request('DELETE', key, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), {
        signingDate: wallClock(),
      });
      const res = await fetch(`${this.base}${signed.path}`, { method: 'DELETE', headers: signed.headers as Record<string, string> });
      if (res.ok || res.status === 404) return;
      status = res.status;
      if (status < 500) break;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
    throw new Error(`S3 DELETE failed: ${status}`);
  }
}
