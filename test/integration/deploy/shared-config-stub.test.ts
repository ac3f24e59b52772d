/**
 * Bundle budget (issue 10): Lambda has no ~/.aws files (region from AWS_REGION, credentials from the environment,
 * lib/core/aws/lambda-credentials.ts), so deployed bundles replace the SDK's shared config-file step
 * (`fromSharedConfigFiles` and the INI loader behind it) with one that finds nothing, exactly what the SDK does when
 * the files are missing. Every setting still resolves from the environment, then the client's default. The probe
 * (fixtures/retry-probe.ts) is built as a deployed function is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleToFile } from '../../support/bundle.js';
import * as source from './fixtures/retry-probe.js';

let outfile: string;
const dir = mkdtempSync(join(tmpdir(), 'shared-config-'));
let bundled: typeof source;
let text: string;
let inputs: string[];
const saved = { AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE, AWS_MAX_ATTEMPTS: process.env.AWS_MAX_ATTEMPTS };

beforeAll(async () => {
  const built = await bundleToFile('test/integration/deploy/fixtures/retry-probe.ts', 'shared-config-probe');
  outfile = built.outfile;
  inputs = built.emitted;
  text = built.text;
  bundled = await import(pathToFileURL(outfile).href);
}, 60_000);

const restore = () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
};
afterEach(restore);
afterAll(() => {
  rmSync(outfile, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('bundle budget (issue 10): no shared config/credentials file loader in deployed bundles', () => {
  it('the INI loader is out of the bundle', () => {
    expect(inputs.filter((i) => i.includes('/shared-ini-file-loader/'))).toEqual([]);
    expect(text.includes('AWS_SHARED_CREDENTIALS_FILE')).toBe(false);
    expect(inputs.some((i) => i.endsWith('node-config-provider/fromSharedConfigFiles.js'))).toBe(true); // as its stub
  });

  it('a setting comes from the environment, else the default; a config file is not read (unbundled, it is)', async () => {
    delete process.env.AWS_MAX_ATTEMPTS;
    process.env.AWS_CONFIG_FILE = join(dir, 'missing');
    const withoutFile = await source.maxAttempts(); // the SDK as installed, no config file (as on Lambda)
    expect(await bundled.maxAttempts()).toBe(withoutFile);
    const file = join(dir, 'config');
    writeFileSync(file, '[default]\nmax_attempts = 7\n');
    process.env.AWS_CONFIG_FILE = file;
    expect(await source.maxAttempts()).toBe(7); // the SDK as installed reads the file
    expect(await bundled.maxAttempts()).toBe(withoutFile); // deployed: as if there were none
    process.env.AWS_MAX_ATTEMPTS = '5';
    expect(await bundled.maxAttempts()).toBe(5);
  });

  it('the bundled project client retries with the standard strategy and writes and reads through DynamoDB Local', async () => {
    expect(await bundled.throttledCall('dynamodb', 1)).toEqual({ attempts: 2, result: { pk: 'P', sk: 'S' }, mode: 'standard' });
    const fresh: typeof source = await import(`${pathToFileURL(outfile).href}?fresh`);
    const item = { pk: `SHARED-CONFIG-PROBE#${process.pid}`, sk: 'ITEM', n: 1 };
    expect(await fresh.roundTrip(item)).toEqual(item);
  });
});
