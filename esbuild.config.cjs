// Bundling options shared by serverless-esbuild (deploy, offline) and scripts/bench.ts.
module.exports = () => ({
  // serverless-esbuild: a separate work folder lets `serverless package` run clean beside a running offline stage.
  ...(process.env.ESBUILD_WORK_FOLDER ? { outputWorkFolder: process.env.ESBUILD_WORK_FOLDER, keepOutputDirectory: true } : {}),
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outExtension: { '.js': '.mjs' },
  mainFields: ['module', 'main'],
  // Bundle AWS SDK v3 too: never rely on the runtime's copy.
  exclude: [],
  external: [],
  // Lambda always passes credentials in the environment: replace the SDK's default credential chain
  // (SSO, INI, IMDS, STS clients) with the environment provider. Measured: about -90 KB per bundle.
  alias: { '@aws-sdk/credential-provider-node': './lib/aws/lambda-credentials.ts' },
  banner: {
    js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
});
