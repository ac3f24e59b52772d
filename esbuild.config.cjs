// Bundling options shared by serverless-esbuild (deploy, offline) and scripts/bench.ts.
module.exports = () => ({
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
  banner: {
    js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
});
