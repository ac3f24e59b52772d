/**
 * Bundle budget (issue 9, branch i9-size): what esbuild.config.cjs leaves out of a bundle, and that it
 * leaves it out only where it is never used. Builds a few functions in memory with the config, as
 * `serverless package --stage prod` and as `serverless offline --stage local` would.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as realRecorder from '../../../lib/local/recording-notifier.js';
import * as realClock from '../../../lib/local/test-clock.js';
import * as stubRecorder from '../../../lib/local/stubs/recording-notifier.js';
import * as stubClock from '../../../lib/local/stubs/test-clock.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { PHONE_INPUT_PATTERN } from '../../../lib/core/contact/phone-pattern.js';
import { buildOpenApi } from '../../../lib/core/http/openapi.js';
import { bundle, bundleToFile } from '../../support/bundle.js';
import { apiEvent, lambdaContext } from '../../support/http.js';

/** Strings only the real local-only modules contain (property reads and literals survive minification). */
const LOCAL_ONLY_MARKERS = {
  'recording-notifier': '.messagesTtlSeconds',
  'test-clock': '.offsetMs',
};

describe('bundle budget (issue 9, i9-size): local-only adapters stay out of deployed bundles', () => {
  // disableServices uses both ports (notifier, the HTTP test-clock middleware; material storage is S3 in every stage);
  // schedulerTick reads the test clock outside middy.
  it.each(['functions/closure/disableServices.ts', 'functions/scheduler/tick.ts'])(
    '%s: a prod build has none of them, a local build has them all',
    async (entry) => {
      const [prod, local] = await Promise.all([bundle(entry, 'prod'), bundle(entry, 'local')]);
      const used = entry.includes('scheduler') ? ['recording-notifier', 'test-clock'] : Object.keys(LOCAL_ONLY_MARKERS);
      for (const name of used) {
        const marker = LOCAL_ONLY_MARKERS[name as keyof typeof LOCAL_ONLY_MARKERS];
        expect(local.inputs, name).toContain(`lib/local/${name}.ts`);
        expect(local.text.includes(marker), `${name}: local bundle has ${marker}`).toBe(true);
        expect(prod.inputs, name).not.toContain(`lib/local/${name}.ts`);
        expect(prod.text.includes(marker), `${name}: prod bundle has ${marker}`).toBe(false);
      }
    },
  );

  it('each stub exports exactly the names of the module it stands in for', () => {
    expect(Object.keys(stubRecorder).sort()).toEqual(Object.keys(realRecorder).sort());
    expect(Object.keys(stubClock).sort()).toEqual(Object.keys(realClock).sort());
  });

  it('a stub throws if a deployed stage ever reached a local-only adapter', async () => {
    await expect(new stubRecorder.RecordingNotifier().send()).rejects.toThrow(/local-only/);
    await expect(stubClock.advanceTestClock(1)).rejects.toThrow(/local-only/);
  });
});

describe("bundle budget (issue 9, i9-size): zod's JSON Schema code only in the OpenAPI function", () => {
  // "draft-2020-12" is a literal of zod's JSON Schema generator.
  // Issue 10: the OpenAPI function serves the document generated at build time (scripts/openapi.ts), so it
  // bundles neither zod-openapi nor zod's JSON Schema code; the other functions validate with zod/mini.
  it('no function keeps it (the OpenAPI function serves the generated document; the others use zod/mini), in every stage', async () => {
    const [openapi, prod, local] = await Promise.all([
      bundle('functions/meta/getOpenApi.ts', 'prod'),
      bundle('functions/closure/disableServices.ts', 'prod'),
      bundle('functions/closure/disableServices.ts', 'local'),
    ]);
    expect(openapi.text.includes('draft-2020-12')).toBe(false);
    expect(openapi.inputs.some((i) => i.includes('node_modules/zod-openapi/'))).toBe(false);
    expect(openapi.inputs).toContain('lib/app/openapi.generated.json');
    for (const b of [prod, local]) {
      expect(b.text.includes('draft-2020-12')).toBe(false);
      // Issue 10: schemas are zod/mini, whose schemas reference no JSON Schema method, so even the stub is tree-shaken
      // away (it still stands in for the JSON Schema modules should classic zod come back; then its text is bundled).
      expect(b.text.includes('JSON Schema is not bundled in this function')).toBe(false);
    }
  });

  it('a function that imports zod-openapi without being listed fails to build', async () => {
    await expect(bundle('lib/core/http/openapi.ts', 'prod')).rejects.toThrow(/JSON_SCHEMA_FUNCTIONS/);
  });
});

describe('bundle budget (issue 9, i9-size): SDK code our functions never run', () => {
  it('neither the LRU library behind the (unused) endpoint-discovery cache nor the pure-JS SHA-256 is bundled', async () => {
    const prod = await bundle('functions/closure/disableServices.ts', 'prod');
    expect(prod.inputs.some((i) => i.includes('node_modules/mnemonist/'))).toBe(false);
    expect(prod.inputs).toContain('lib/core/aws/no-endpoint-cache.ts');
    expect(prod.text.includes('The pure-JS SHA-256 is not bundled')).toBe(true);
  });
});

/** The body the prod bundle of getOpenApi serves (this test environment is a deployed stage: STAGE=test). */
async function bundledOpenApiDocument(): Promise<string> {
  const { outfile } = await bundleToFile('functions/meta/getOpenApi.ts', 'get-openapi');
  const { handler } = await import(pathToFileURL(outfile).href);
  const res = await handler(apiEvent({ method: 'GET', path: '/v1/openapi.json' }), lambdaContext());
  expect(res.statusCode).toBe(200);
  return res.body as string;
}

describe('bundle budget (issue 9 item 3): the phone parser only where a phone is validated', () => {
  // Issue 10: setSecurityPhone parses with phone.ts over the generated metadata; libphonenumber-js is only the
  // metadata's generator and the test oracle (test/unit/core/contact/phone-oracle.test.ts), in no bundle.
  it('getOpenApi describes phone fields without the phone parser; setSecurityPhone parses with it (without libphonenumber-js); the served pattern is the same', async () => {
    const [openapi, securityPhone] = await Promise.all([
      bundle('functions/meta/getOpenApi.ts', 'prod'),
      bundle('functions/accounts/setSecurityPhone.ts', 'prod'),
    ]);
    expect(openapi.inputs.some((i) => i.includes('libphonenumber-js'))).toBe(false);
    expect(openapi.inputs).not.toContain('lib/core/contact/phone-metadata.ts');
    // Issue 10: it serves the generated document, in which phone fields carry the input pattern of phone-pattern.ts.
    const served = await bundledOpenApiDocument();
    expect(served).toContain(JSON.stringify(PHONE_INPUT_PATTERN.source));
    expect(served).toBe(JSON.stringify(buildOpenApi(allRoutes, false)));
    expect(securityPhone.inputs.some((i) => i.includes('libphonenumber-js'))).toBe(false);
    expect(securityPhone.inputs).toContain('lib/core/contact/phone.ts');
    expect(securityPhone.inputs).toContain('lib/core/contact/phone-metadata.ts');
  });
});

describe('bundle budget (issue 10): the default route describes routes without the phone parser', () => {
  it('its prod bundle has no libphonenumber-js, and the bundled handler still answers 404 and 405 (the stub is never reached)', async () => {
    const entry = 'functions/meta/defaultRoute.ts';
    const { inputs } = await bundle(entry, 'prod');
    expect(inputs.some((i) => i.includes('libphonenumber-js'))).toBe(false);
    expect(inputs).not.toContain('lib/core/contact/phone-metadata.ts');

    const { outfile } = await bundleToFile(entry, 'default-route');
    const { handler } = await import(pathToFileURL(outfile).href);
    const notFound = await handler(apiEvent({ method: 'GET', path: '/v1/no-such-thing' }), lambdaContext());
    expect(notFound.statusCode).toBe(404);
    // A path with a phone field in its body (R-VC-01 new-mobile), asked with another method.
    const otherMethod = await handler(apiEvent({ method: 'GET', path: '/v1/verification-codes' }), lambdaContext());
    expect(otherMethod.statusCode).toBe(405);
    expect(otherMethod.headers?.Allow ?? otherMethod.headers?.allow).toBe('POST');
  });
});

describe('bundle budget (issue 10): schemas are zod/mini; classic zod only where zod-openapi brings it', () => {
  // One classic `zod` import anywhere in a function's graph brings the whole classic API back (about 44 KB).
  it.each([
    'functions/closure/disableServices.ts',
    'functions/accounts/setSecurityPhone.ts',
    'functions/meta/defaultRoute.ts',
    'functions/scheduler/tick.ts',
  ])('%s bundles no module of classic zod, in a prod and a local build', async (entry) => {
    for (const b of await Promise.all([bundle(entry, 'prod'), bundle(entry, 'local')])) {
      expect(b.inputs.some((i) => i.includes('node_modules/zod/v4/mini/'))).toBe(true);
      expect(b.inputs.filter((i) => i.includes('node_modules/zod/v4/classic/'))).toEqual([]);
    }
  });
});
