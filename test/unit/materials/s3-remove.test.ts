import { afterEach, describe, expect, it, vi } from 'vitest';
import { S3Storage } from '../../../lib/materials/s3-storage.js';

/** Issue 13 (materials, R-RN-08 storage): DELETE is idempotent, so a 5xx is retried; other refusals are not. */
describe('S3Storage.remove retries a 5xx (issue 13)', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answering = (...statuses: number[]) => {
    const fetch = vi.fn(async () => new Response(null, { status: statuses.shift() ?? 204 }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  };

  it.each([
    { name: 'a 500 then 204 succeeds on the second attempt', statuses: [500, 204], calls: 2, fails: false },
    { name: 'a 503 twice then 404 (already gone) succeeds', statuses: [503, 503, 404], calls: 3, fails: false },
    { name: 'four 500s fail', statuses: [500, 500, 500, 500], calls: 4, fails: true },
    { name: 'a 403 fails at once', statuses: [403], calls: 1, fails: true },
  ])('$name', async ({ statuses, calls, fails }) => {
    const fetch = answering(...statuses);
    const removal = new S3Storage().remove('uploads/acc/mat');
    if (fails) await expect(removal).rejects.toThrow(/S3 DELETE failed/);
    else await expect(removal).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(calls);
  });
});
