/**
 * Bundle budget (issue 10): what esbuild.config.cjs trims from the AWS SDK (each client's package.json down to
 * name and version; the partitions table without region descriptions) changes nothing the clients do. A probe
 * (fixtures/sdk-probe.ts) is built as a deployed function is and compared with the same code run unbundled from
 * node_modules: the same endpoints in every partition, the same client versions in the User-Agent, and a real
 * write and read through DynamoDB Local.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleToFile, root } from '../../support/bundle.js';
import * as unbundled from './fixtures/sdk-probe.js';

let outfile: string;
let bundled: typeof unbundled;
let text: string;
let inputs: string[];

beforeAll(async () => {
  const built = await bundleToFile('test/integration/deploy/fixtures/sdk-probe.ts', 'sdk-probe');
  outfile = built.outfile;
  inputs = built.inputs;
  text = built.text;
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
