import { build } from 'esbuild';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { exclude: _e, outputWorkFolder: _o, keepOutputDirectory: _k, outputFileExtension: _x, ...opts } = require('/work/main/esbuild.config.cjs')(undefined);
const { metafile } = await build({ ...opts, entryPoints: [process.argv[2]], outfile: '/tmp/bb-out.mjs', metafile: true, logLevel: 'error', absWorkingDir: '/work/main' });
const out = Object.values(metafile.outputs)[0];
for (const [k, v] of Object.entries(out.inputs).filter(([k]) => k.includes(process.argv[3])).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40)) console.log(k.replace(/.*node_modules\//, '').padEnd(90), (v.bytesInOutput/1024).toFixed(1));
