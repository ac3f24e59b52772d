// Bundling options shared by serverless-esbuild (deploy, offline) and scripts/bench.ts.
// `serverless invoke local` only loads `.js`/`.cjs` handlers; Node 22 then loads the ESM bundle through
// require(esm). Deployed and offline bundles stay `.mjs`, which Lambda loads as ESM without a package.json.
const fs = require('node:fs');
const path = require('node:path');

const invokingLocally = (serverless) => {
  const commands = serverless?.processedInput?.commands ?? [];
  return commands[0] === 'invoke' && commands[1] === 'local';
};

// The stage being built: `--stage` of serverless (package, deploy, offline); no serverless object (scripts/bench.ts)
// means "as deployed".
const stageOf = (serverless) => {
  if (!serverless) return undefined;
  try {
    return serverless.getProvider('aws').getStage();
  } catch {
    return serverless.processedInput?.options?.stage ?? serverless.service?.provider?.stage;
  }
};

// Local-only adapters (the message recorder, the test clock) are imported statically by their
// ports (lib/core/notify/notifier.ts, the handlers). Outside the local stage config.ts never
// chooses them, so deployed bundles get stubs with the same exports that throw (lib/local/stubs/).
const LOCAL_ONLY = ['recording-notifier', 'test-clock'];
const localOnlyStubs = {
  name: 'local-only-stubs',
  setup(build) {
    const localDir = path.join(__dirname, 'lib', 'local');
    build.onResolve({ filter: new RegExp(`(^|/)local/(${LOCAL_ONLY.join('|')})(\\.[jt]s)?$`) }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      const name = path.basename(target).replace(/\.[jt]s$/, '');
      if (path.dirname(target) !== localDir || !LOCAL_ONLY.includes(name)) return undefined;
      return { path: path.join(localDir, 'stubs', `${name}.ts`) };
    });
  },
};

// lib/app/local.ts hands the local stage's adapters to their ports; a deployed stage never chooses them
// (config-env.ts refuses NOTIFIER=local there), so its bundles get an empty module instead and a port asked
// for a local adapter throws "No local … is registered" (measured: -0.5 KB on every function).
const noLocalRegistration = {
  name: 'no-local-registration',
  setup(build) {
    const registration = path.join(__dirname, 'lib', 'app', 'local.ts');
    build.onResolve({ filter: /(^|\/)local(\.[jt]s)?$/ }, (args) => {
      if (path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') !== registration) return undefined;
      return { path: registration, namespace: 'no-local-registration' };
    });
    build.onLoad({ filter: /.*/, namespace: 'no-local-registration' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// Counting and timing SDK calls (lib/core/sdk-calls.ts) serves the bench and the tests, which run the sources; a
// deployed bundle gets lib/core/aws/no-sdk-calls.ts, with the same exports, counting nothing (measured: -0.4 KB).
const sdkCallCounterOff = {
  name: 'sdk-call-counter-off',
  setup(build) {
    const counter = path.join(__dirname, 'lib', 'core', 'sdk-calls.ts');
    build.onResolve({ filter: /(^|\/)sdk-calls(\.[jt]s)?$/ }, (args) => {
      if (path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') !== counter) return undefined;
      return { path: path.join(__dirname, 'lib', 'core', 'aws', 'no-sdk-calls.ts') };
    });
  },
};

// A module replaced by one with the same exports, each of which throws when called (or constructed) with `reason`.
// `methodFactories` name exports that only build a method (called eagerly by the library): the method throws.
function stubModule(file, reason, methodFactories = /^$/) {
  const source = fs.readFileSync(file, 'utf8');
  const names = [...source.matchAll(/^export (?:const|function|class) (\w+)|^export \{ (\w+) as (\w+) \}/gm)].map((m) => m[1] ?? m[3]);
  const body = names.map((n) => `export const ${n} = ${methodFactories.test(n) ? '() => fail' : 'fail'};`);
  return { contents: [`function fail() { throw new Error(${JSON.stringify(reason)}); }`, ...body].join('\n'), loader: 'js' };
}

// zod builds JSON Schema converters into every schema class (`.toJSONSchema()`, `~standard.jsonSchema`), so each
// bundle carries zod's JSON Schema code (measured: about 17 KB) though no function uses it. Its modules are replaced
// by stubs; any function that imports zod-openapi must be listed here, or its build fails. Since issue 10 none is:
// the OpenAPI function serves the document generated at build time (scripts/openapi.ts, openApiArtifact below).
const JSON_SCHEMA_FUNCTIONS = [].map((f) => path.join(__dirname, f));
const ZOD_JSON_SCHEMA = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
const zodWithoutJsonSchema = {
  name: 'zod-without-json-schema',
  setup(build) {
    const entries = [].concat(build.initialOptions.entryPoints ?? []).map((e) => path.resolve(typeof e === 'string' ? e : e.in));
    if (entries.some((e) => JSON_SCHEMA_FUNCTIONS.includes(e))) return;
    build.onResolve({ filter: /^zod-openapi$/ }, () => ({
      errors: [{ text: "zod-openapi needs zod's JSON Schema code: add this function to JSON_SCHEMA_FUNCTIONS (esbuild.config.cjs)." }],
    }));
    // create*Method() runs when `~standard` is read (e.g. by a Standard Schema consumer): only the method throws.
    build.onLoad({ filter: ZOD_JSON_SCHEMA }, (args) =>
      stubModule(
        args.path,
        'JSON Schema is not bundled in this function (esbuild.config.cjs, JSON_SCHEMA_FUNCTIONS).',
        /^create\w*Method$/,
      ),
    );
  },
};

// The OpenAPI function describes the routes' schemas but never validates a request body, so it does not need
// the phone parser behind the `phone` refinement (libphonenumber-js + its metadata: about 53 KB measured; since issue 10
// our own parser + the metadata: 19.2 KB). There
// lib/core/contact/phone.ts becomes a stub whose functions throw; the pattern the document shows lives in phone-pattern.ts.
// The default route (issue 10) reads every route's method and path to answer 404 or 405, and validates no body
// but its own (it has none): the same stub (measured: -52.8 KB).
const DESCRIBE_ONLY_FUNCTIONS = ['functions/meta/getOpenApi.ts', 'functions/meta/defaultRoute.ts'].map((f) => path.join(__dirname, f));
const PHONE_PARSER = /[\\/]lib[\\/]core[\\/]contact[\\/]phone\.ts$/;
const describeOnlyWithoutPhoneParser = {
  name: 'describe-only-without-phone-parser',
  setup(build) {
    const entries = [].concat(build.initialOptions.entryPoints ?? []).map((e) => path.resolve(typeof e === 'string' ? e : e.in));
    if (!entries.some((e) => DESCRIBE_ONLY_FUNCTIONS.includes(e))) return;
    build.onLoad({ filter: PHONE_PARSER }, (args) =>
      stubModule(args.path, 'Phone numbers are not parsed in this function (esbuild.config.cjs, DESCRIBE_ONLY_FUNCTIONS).'),
    );
  },
};

// The SDK's pure-JS SHA-256, which it uses only where node:crypto has no sha256 (never on Node; measured -3.1 KB).
const SDK_SHA256_JS = /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]checksum[\\/]sha256[\\/]Sha256Js\.js$/;
const sdkWithoutJsSha256 = {
  name: 'sdk-without-js-sha256',
  setup(build) {
    build.onLoad({ filter: SDK_SHA256_JS }, (args) =>
      stubModule(args.path, 'The pure-JS SHA-256 is not bundled: node:crypto provides sha256 (esbuild.config.cjs).'),
    );
  },
};

// Issue 10 (bundle budget): each SDK client bundles its whole package.json (about 2 KB each) to read one field,
// `version`, for the User-Agent header. Only name and version are kept (measured: -3.9 KB with both clients, -2.1 KB with DynamoDB only).
const SDK_PACKAGE_JSON = /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/;
const sdkPackageVersionOnly = {
  name: 'sdk-package-version-only',
  setup(build) {
    build.onLoad({ filter: SDK_PACKAGE_JSON }, (args) => {
      const { name, version } = JSON.parse(fs.readFileSync(args.path, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

// Issue 10 (bundle budget): the SDK's table of AWS partitions names every region with a description ("Africa (Cape
// Town)") that endpoint resolution never reads (it reads the partition's outputs; a region's own entry holds only
// `description`). The table is kept whole, without the descriptions (measured: -1.8 KB per bundle).
const SDK_PARTITIONS =
  /[\\/]node_modules[\\/]@aws-sdk[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]util-endpoints[\\/]lib[\\/]aws[\\/]partitions\.js$/;
const sdkPartitionsWithoutDescriptions = {
  name: 'sdk-partitions-without-descriptions',
  setup(build) {
    build.onLoad({ filter: SDK_PARTITIONS }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const match = source.match(/^export const partitionsInfo = (\{[\s\S]*\});?\s*$/);
      if (!match) throw new Error(`${args.path}: not the expected partitions table (esbuild.config.cjs, sdkPartitionsWithoutDescriptions)`);
      const info = JSON.parse(match[1]);
      for (const partition of info.partitions) {
        for (const [region, data] of Object.entries(partition.regions)) {
          const { description: _d, ...rest } = data;
          partition.regions[region] = rest;
        }
      }
      return { contents: `export const partitionsInfo = ${JSON.stringify(info)};`, loader: 'js' };
    });
  },
};

// Issue 10 (bundle budget): both SDK clients pin `retryMode: 'standard'` (lib/core/store/table.ts,
// lib/core/notify/sns-notifier.ts), so the adaptive retry strategy and its client-side rate limiter are never built;
// and both always get `region` (config.region: AWS_REGION, which Lambda always sets), so the SDK's fallback region
// lookup in the EC2 instance metadata service is never called (defaults mode "auto" would ask it only off Lambda).
// Both become stubs that throw (measured: -3.4 and -1.2 KB per bundle; retry-region-stubs.test.ts).
const SDK_ADAPTIVE_RETRY =
  /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]util-retry[\\/]AdaptiveRetryStrategy\.js$/;
const SDK_IMDS_REGION =
  /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]config-resolver[\\/]regionConfig[\\/]getInstanceMetadataRegion\.js$/;
const sdkWithoutAdaptiveRetryAndImdsRegion = {
  name: 'sdk-without-adaptive-retry-and-imds-region',
  setup(build) {
    build.onLoad({ filter: SDK_ADAPTIVE_RETRY }, (args) =>
      stubModule(args.path, "The SDK's adaptive retry strategy is not bundled: the clients pin retryMode 'standard' (esbuild.config.cjs)."),
    );
    build.onLoad({ filter: SDK_IMDS_REGION }, (args) =>
      stubModule(
        args.path,
        "The SDK's IMDS region lookup is not bundled: the clients get config.region (AWS_REGION) (esbuild.config.cjs).",
      ),
    );
  },
};

// Issue 10 (bundle budget): Lambda has no ~/.aws config or credentials files (region: AWS_REGION; credentials: the
// environment, lib/core/aws/lambda-credentials.ts). Each setting the SDK loads (retry mode, max attempts, FIPS,
// dual-stack, endpoint, ...) comes from the environment, then the shared config files, then its default: the files
// step becomes one that finds nothing, as the SDK's own does when the files are missing, so its INI loader is not
// bundled (measured: -2.4 KB per bundle; shared-config-stub.test.ts). Deployed stages only.
const SDK_SHARED_CONFIG_FILES =
  /[\\/]node_modules[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]node-config-provider[\\/]fromSharedConfigFiles\.js$/;
const sdkWithoutSharedConfigFiles = {
  name: 'sdk-without-shared-config-files',
  setup(build) {
    build.onLoad({ filter: SDK_SHARED_CONFIG_FILES }, () => ({
      contents: [
        'import { CredentialsProviderError } from "../property-provider/CredentialsProviderError";',
        '// Not found in config files: the chain goes on to the default (esbuild.config.cjs, sdkWithoutSharedConfigFiles).',
        'export const fromSharedConfigFiles = (configSelector, init = {}) => async () => {',
        '  throw new CredentialsProviderError("Shared config files are not read in a deployed function", { logger: init.logger });',
        '};',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

// Issue 10 (bundle budget): the OpenAPI document generated at build time (lib/app/openapi.generated.json, 300 KB
// pretty-printed, 137 KB as compact JSON) is bundled brotli-packed (about 13 KB) and unpacked once per instance.
const OPENAPI_ARTIFACT = /[\\/]lib[\\/]app[\\/]openapi\.generated\.json$/;
const openApiArtifactPacked = {
  name: 'openapi-artifact-packed',
  setup(build) {
    build.onLoad({ filter: OPENAPI_ARTIFACT }, (args) => {
      const zlib = require('node:zlib');
      const compact = JSON.stringify(JSON.parse(fs.readFileSync(args.path, 'utf8')));
      const packed = zlib
        .brotliCompressSync(Buffer.from(compact), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
        .toString('base64');
      return {
        contents: `import { brotliDecompressSync } from 'node:zlib';\nexport default JSON.parse(brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));`,
        loader: 'js',
      };
    });
  },
};

module.exports = (serverless) => ({
  // serverless-esbuild: a separate work folder lets `serverless package` run clean beside a running offline stage.
  ...(process.env.ESBUILD_WORK_FOLDER ? { outputWorkFolder: process.env.ESBUILD_WORK_FOLDER, keepOutputDirectory: true } : {}),
  // ...and so does `invoke local`, so it never overwrites the bundles a running `npm start` serves.
  ...(invokingLocally(serverless) ? { outputWorkFolder: '.esbuild-invoke' } : {}),
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outputFileExtension: invokingLocally(serverless) ? '.js' : '.mjs', // serverless-esbuild option
  mainFields: ['module', 'main'],
  // Bundle AWS SDK v3 too: never rely on the runtime's copy.
  exclude: [],
  external: [],
  // Lambda always passes credentials in the environment: replace the SDK's default credential chain
  // (SSO, INI, IMDS, STS clients) with the environment provider. Measured: about -90 KB per bundle.
  // DynamoDB and SNS have no event-stream operations: the SDK's lazily imported event-stream codec
  // is replaced by a stub that throws (measured: about -15 KB per bundle). DynamoDB endpoint discovery is off, so
  // its cache (an LRU library) is replaced by one that stays empty (lib/core/aws/no-endpoint-cache.ts, measured -8 KB).
  alias: {
    '@aws-sdk/credential-provider-node': './lib/core/aws/lambda-credentials.ts',
    '@smithy/core/event-streams': './lib/core/aws/no-event-streams.ts',
    '@aws-sdk/endpoint-cache': './lib/core/aws/no-endpoint-cache.ts',
  },
  banner: {
    js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  charset: 'utf8', // non-ASCII text as is rather than escaped (measured: about -1 KB)
  plugins: [
    zodWithoutJsonSchema,
    describeOnlyWithoutPhoneParser,
    sdkWithoutJsSha256,
    sdkPackageVersionOnly,
    sdkPartitionsWithoutDescriptions,
    sdkWithoutAdaptiveRetryAndImdsRegion,
    openApiArtifactPacked,
    ...(stageOf(serverless) === 'local' ? [] : [localOnlyStubs, sdkWithoutSharedConfigFiles, sdkCallCounterOff, noLocalRegistration]),
  ],
});
