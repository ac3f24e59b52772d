// Bundling options shared by serverless-esbuild (deploy, offline) and scripts/bench.ts.
// `serverless invoke local` only loads `.js`/`.cjs` handlers; Node 22 then loads the ESM bundle through
// require(esm). Deployed and offline bundles stay `.mjs`, which Lambda loads as ESM without a package.json.
const invokingLocally = (serverless) => {
  const commands = serverless?.processedInput?.commands ?? [];
  return commands[0] === 'invoke' && commands[1] === 'local';
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
  // is replaced by a stub that throws (measured: about -15 KB per bundle).
  alias: {
    '@aws-sdk/credential-provider-node': './lib/aws/lambda-credentials.ts',
    '@smithy/core/event-streams': './lib/aws/no-event-streams.ts',
  },
  banner: {
    js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
});
