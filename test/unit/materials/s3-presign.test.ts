import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../../lib/core/config.js';
import { S3Storage } from '../../../lib/materials/s3-storage.js';

describe('S3 presigned upload', () => {
  const bucket = config.materialsBucket;
  beforeAll(() => {
    (config as { materialsBucket: string }).materialsBucket = 'materials-bucket';
    process.env.AWS_SESSION_TOKEN = 'session-token';
  });
  afterAll(() => {
    (config as { materialsBucket: string }).materialsBucket = bucket;
    delete process.env.AWS_SESSION_TOKEN;
  });

  it('R-AI-07 R-RN-08 the URL signs the exact size and content type, expires in 15 minutes, and names a private key', async () => {
    const target = await new S3Storage().uploadTarget('materials/ac_1/mt_1', 'application/pdf', 1234);
    const url = new URL(target.url);
    expect(url.host).toBe(`materials-bucket.s3.${config.region}.amazonaws.com`);
    expect(url.pathname).toBe('/materials/ac_1/mt_1');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session-token');
    expect(target.headers).toEqual({ 'content-type': 'application/pdf', 'content-length': '1234' });
  });
});
