import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { breakdown } from './lib/bundle-breakdown.ts';
const require = createRequire(import.meta.url);
const { exclude: _e, outputWorkFolder: _o, keepOutputDirectory: _k, outputFileExtension: _x, ...opts } = require('/work/main/esbuild.config.cjs')(undefined);
const { metafile } = await build({ ...opts, entryPoints: [process.argv[2]], outfile: '/tmp/bb-out.mjs', metafile: true, logLevel: 'error', absWorkingDir: '/work/main' });
console.log('total', (Object.values(metafile.outputs)[0].bytes/1024).toFixed(1));
for (const p of breakdown(metafile).slice(0, 30)) console.log(p.owner.padEnd(50), p.kb.toFixed(1));
const out = Object.values(metafile.outputs)[0];
const rows = Object.entries(out.inputs).filter(([k]) => k.startsWith('lib/')).map(([k, v]) => [k, v.bytesInOutput/1024] as const).sort((a, b) => b[1] - a[1]).slice(0, 20);
for (const [k, v] of rows) console.log(k.padEnd(50), v.toFixed(1));
const groups = new Map<string, number>();
for (const [k, v] of Object.entries(out.inputs)) { const m = k.match(/node_modules\/(@smithy\/core|@aws-sdk\/core|zod)\/(?:dist-es\/|v4\/)?([^/]+(?:\/[^/]+)?)/); if (m) groups.set(m[1]+'/'+m[2], (groups.get(m[1]+'/'+m[2]) ?? 0) + v.bytesInOutput/1024); }
for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('  ', k.padEnd(60), v.toFixed(1));
