import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { config, materialsConfig } from '../../../lib/core/config.js';
import { S3Storage } from '../../../lib/materials/s3-storage.js';

type S3Config = { materialsBucket: string; s3Endpoint: string | undefined; s3PathStyle: boolean };
/** The bucket is a core setting, the endpoint and the URL style the materials block's. */
const setS3 = ({ materialsBucket, ...endpoint }: S3Config) => {
  Object.assign(config as unknown as { materialsBucket: string }, { materialsBucket });
  Object.assign(materialsConfig as unknown as Omit<S3Config, 'materialsBucket'>, endpoint);
};

describe('S3 presigned upload', () => {
  const saved: S3Config = {
    materialsBucket: config.materialsBucket,
    s3Endpoint: materialsConfig.s3Endpoint,
    s3PathStyle: materialsConfig.s3PathStyle,
  };
  beforeAll(() => {
    process.env.AWS_SESSION_TOKEN = 'session-token';
  });
  afterEach(() => {
    vi.useRealTimers();
    setS3(saved);
  });
  afterAll(() => {
    delete process.env.AWS_SESSION_TOKEN;
  });

  it.each([
    {
      stage: 'deployed (virtual-hosted on AWS)',
      s3: { materialsBucket: 'materials-bucket', s3Endpoint: undefined, s3PathStyle: false },
      origin: `https://materials-bucket.s3.${config.region}.amazonaws.com`,
      path: '/materials/ac_1/mt_1',
    },
    {
      stage: 'local stage and tests (s3rver, path-style; issue 13 item 1)',
      s3: { materialsBucket: 'local-bucket', s3Endpoint: 'http://127.0.0.1:4568', s3PathStyle: true },
      origin: 'http://127.0.0.1:4568',
      path: '/local-bucket/materials/ac_1/mt_1',
    },
  ])(
    'R-AI-07 R-RN-08 $stage: the URL signs the exact size and content type, expires in 15 minutes, and names a private key',
    async ({ s3, origin, path }) => {
      setS3(s3);
      const target = await new S3Storage().uploadTarget('materials/ac_1/mt_1', 'application/pdf', 1234);
      const url = new URL(target.url);
      expect(url.origin).toBe(origin);
      expect(url.pathname).toBe(path);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
      expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session-token');
      expect(target.headers).toEqual({ 'content-type': 'application/pdf', 'content-length': '1234' });
    },
  );

  it('R-AI-07 R-RN-08 the signature binds the length and the type: another size or type is another signature, so S3 refuses it (issue 13 item 1)', async () => {
    setS3({ materialsBucket: 'materials-bucket', s3Endpoint: undefined, s3PathStyle: false });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const signature = async (type: string, size: number) =>
      new URL((await new S3Storage().uploadTarget('uploads/ac_1/mt_1', type, size)).url).searchParams.get('X-Amz-Signature');
    const signed = await signature('image/png', 1234);
    expect(await signature('image/png', 1234)).toBe(signed);
    expect(await signature('image/png', 1235)).not.toBe(signed);
    expect(await signature('application/pdf', 1234)).not.toBe(signed);
  });

  it.each([
    { stage: 'deployed', s3: { materialsBucket: 'materials-bucket', s3Endpoint: undefined, s3PathStyle: false }, ttl: 300 },
    { stage: 'local (s3rver)', s3: { materialsBucket: 'local-bucket', s3Endpoint: 'http://127.0.0.1:4568', s3PathStyle: true }, ttl: 60 },
  ])(
    'R-RN-08 $stage: a read link is a presigned GET that expires after the TTL, signed at the clock time, with no ACL or public form (issue 13)',
    async ({ s3, ttl }) => {
      setS3(s3);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
      const link = await new S3Storage().readLink('materials/ac_1/mt_1', ttl);
      const url = new URL(link.url);
      expect(url.pathname.endsWith('/materials/ac_1/mt_1')).toBe(true);
      expect(url.searchParams.get('X-Amz-Expires')).toBe(String(ttl));
      expect(url.searchParams.get('X-Amz-Date')).toBe('20260302T100000Z');
      expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(link.expiresAt).toBe(new Date(Date.parse('2026-03-02T10:00:00Z') + ttl * 1000).toISOString());
      // Private object, private link: nothing asks S3 for a public ACL or an unsigned URL.
      expect([...url.searchParams.keys()].filter((k) => /acl/i.test(k))).toEqual([]);
      expect(url.search).not.toMatch(/public-read/);
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(/\/s3\/aws4_request$/);
    },
  );
});
