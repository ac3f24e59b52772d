/**
 * Bundle budget (issue 10, i10-cuts): the DynamoDB and SNS clients pin `retryMode: 'standard'` and always get a
 * region (config.region, from AWS_REGION on Lambda), so deployed bundles replace the SDK's adaptive retry
 * strategy (and its rate limiter) and its instance-metadata region lookup with stubs that throw. A probe
 * (fixtures/retry-probe.ts) using the project's own clients is built as a deployed function is: it still retries
 * throttled calls with the standard strategy, even with AWS_RETRY_MODE=adaptive in the environment, and never
 * reaches a stub; a client that does ask for them reaches the stub.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleToFile } from '../../support/bundle.js';
import type * as Probe from './fixtures/retry-probe.js';

let outfile: string;
let bundled: typeof Probe;
let text: string;
let inputs: string[];
const savedRetryMode = process.env.AWS_RETRY_MODE;

beforeAll(async () => {
  const built = await bundleToFile('test/integration/deploy/fixtures/retry-probe.ts', 'retry-probe');
  outfile = built.outfile;
  inputs = built.emitted;
  text = built.text;
  process.env.AWS_RETRY_MODE = 'adaptive'; // the pinned mode wins over the environment
  bundled = await import(pathToFileURL(outfile).href);
}, 60_000);

afterAll(() => {
  rmSync(outfile, { force: true });
  if (savedRetryMode === undefined) delete process.env.AWS_RETRY_MODE;
  else process.env.AWS_RETRY_MODE = savedRetryMode;
});

describe('bundle budget (issue 10): no adaptive retry strategy and no IMDS region lookup in deployed bundles', () => {
  it('the adaptive strategy, its rate limiter and the IMDS region lookup are out of the bundle', () => {
    expect(inputs.some((i) => i.endsWith('retry/util-retry/StandardRetryStrategy.js'))).toBe(true);
    expect(text.includes('169.254.169.254')).toBe(false); // the IMDS address
    expect(text.includes('.lastMaxRate')).toBe(false); // DefaultRateLimiter's state
    expect(inputs.some((i) => i.endsWith('util-retry/DefaultRateLimiter.js'))).toBe(false);
    expect(inputs.some((i) => i.endsWith('regionConfig/getInstanceMetadataRegion.js'))).toBe(true); // as its stub
  });

  it.each([
    ['dynamodb', 'Item', { pk: 'P', sk: 'S' }],
    ['sns', 'MessageId', 'm-1'],
  ] as const)(
    '%s: the bundled project client retries a throttled call with the standard strategy and succeeds',
    async (service, _field, result) => {
      const got = await bundled.throttledCall(service, 1);
      expect(got).toEqual({ attempts: 2, result, mode: 'standard' });
    },
  );

  it('the bundled project client writes and reads an item through DynamoDB Local', async () => {
    const item = { pk: `RETRY-PROBE#${process.pid}`, sk: 'ITEM', n: 1 };
    // throttledCall replaced db()'s request handler: a fresh module instance gets a fresh client.
    const fresh: typeof Probe = await import(`${pathToFileURL(outfile).href}?fresh`);
    expect(await fresh.roundTrip(item)).toEqual(item);
  });

  it('a client that asks for the adaptive strategy or looks its region up in IMDS reaches the stubs', async () => {
    await expect(bundled.adaptiveStrategy()).rejects.toThrow(/adaptive retry strategy is not bundled/);
    const region = process.env.AWS_REGION;
    delete process.env.AWS_REGION;
    try {
      await expect(bundled.regionWithoutEnvironment()).rejects.toThrow(/region lookup is not bundled/);
    } finally {
      process.env.AWS_REGION = region;
    }
  });
});
