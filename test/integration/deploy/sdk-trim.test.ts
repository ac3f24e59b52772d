/**
 * Bundle budget (issue 10): what esbuild.config.cjs trims from the AWS SDK (each client's package.json down to
 * name and version; the partitions table without region descriptions) changes nothing the clients do. A probe
 * (fixtures/sdk-probe.ts) is built as a deployed function is and compared with the same code run unbundled from
 * node_modules: the same endpoints in every partition, the same client versions in the User-Agent, and a real
 * write and read through DynamoDB Local.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import * as unbundled from './fixtures/sdk-probe.js';

const require = createRequire(import.meta.url);
const root = resolve('.');
const outfile = join(root, '.bench', `sdk-probe-${process.pid}.mjs`);
let bundled: typeof unbundled;
let text: string;
let inputs: string[];

beforeAll(async () => {
  const {
    exclude: _e,
    outputWorkFolder: _o,
    keepOutputDirectory: _k,
    outputFileExtension: _x,
    ...options
  } = require(join(root, 'esbuild.config.cjs'))({ getProvider: () => ({ getStage: () => 'prod' }) });
  mkdirSync(join(root, '.bench'), { recursive: true });
  const out = await build({
    ...options,
    entryPoints: [join(root, 'test/integration/deploy/fixtures/sdk-probe.ts')],
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  inputs = Object.keys(out.metafile!.inputs);
  text = readFileSync(outfile, 'utf8');
  bundled = await import(pathToFileURL(outfile).href);
}, 60_000);

const version = (pkg: string) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;

describe('bundle budget (issue 10): the SDK trims change nothing the clients do', () => {
  it('the trimmed parts are out of the bundle', () => {
    expect(inputs.some((i) => i.endsWith('@aws-sdk/client-dynamodb/package.json'))).toBe(true);
    // Fields of the clients' package.json other than name and version, and a region description.
    expect(text.includes('"devDependencies"')).toBe(false);
    expect(text.includes('"dependencies"')).toBe(false);
    expect(text.includes('Africa (Cape Town)')).toBe(false);
  });

  it.each([
    ['dynamodb', 'eu-west-1'],
    ['dynamodb', 'cn-north-1'],
    ['dynamodb', 'us-gov-west-1'],
    ['dynamodb', 'eu-isoe-west-1'],
    ['sns', 'eu-central-1'],
    ['sns', 'cn-northwest-1'],
    ['sns', 'ap-southeast-7'],
  ] as const)(
    '%s in %s: the bundled client sends where the unbundled one does, with its version in the User-Agent',
    async (service, region) => {
      const [got, want] = await Promise.all([bundled.requestFor(service, region), unbundled.requestFor(service, region)]);
      expect(got.host).toBe(want.host);
      expect(got.host).toContain(`${service}.${region}.`);
      const pkg = service === 'dynamodb' ? '@aws-sdk/client-dynamodb' : '@aws-sdk/client-sns';
      expect(got.userAgent).toContain(`api/${service}#${version(pkg)}`);
    },
  );

  it('the bundled document client writes and reads an item through DynamoDB Local', async () => {
    const item = { pk: `PROBE#${process.pid}`, sk: 'ITEM', n: 7, tags: new Set(['a', 'b']), nested: { ok: true } };
    const read = await bundled.roundTrip(process.env.DYNAMODB_ENDPOINT!, process.env.TABLE_NAME!, item);
    expect(read).toEqual(item);
  });
});
