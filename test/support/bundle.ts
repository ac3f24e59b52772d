/**
 * Builds an entry the way `serverless package --stage prod` (or `offline --stage local`) does, with
 * esbuild.config.cjs, for the deploy tests that prove what a bundle carries and how it behaves.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const require = createRequire(import.meta.url);
export const root = resolve('.');
export type Stage = 'prod' | 'local';

/** esbuild.config.cjs's options for a stage, without serverless-esbuild's own keys. */
export function esbuildOptions(stage: Stage = 'prod') {
  const {
    exclude: _e,
    outputWorkFolder: _o,
    keepOutputDirectory: _k,
    outputFileExtension: _x,
    ...options
  } = require(join(root, 'esbuild.config.cjs'))({ getProvider: () => ({ getStage: () => stage }) });
  return options;
}

export interface Bundle {
  text: string;
  /** Every module esbuild read (tree-shaken ones included). */
  inputs: string[];
  /** The modules with code in the output. */
  emitted: string[];
}

function summary(metafile: Metafile, text: string): Bundle {
  const emitted = Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return { text, inputs: Object.keys(metafile.inputs), emitted };
}

/** Built in memory. */
export async function bundle(entry: string, stage: Stage = 'prod'): Promise<Bundle> {
  const out = await build({
    ...esbuildOptions(stage),
    entryPoints: [join(root, entry)],
    outfile: join(root, '.bench', 'test.mjs'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return summary(out.metafile as Metafile, out.outputFiles!.find((f) => f.path.endsWith('.mjs'))!.text);
}

/** Built to `.bench/<name>-<pid>.mjs`, so a test can import it and run the bundle itself. */
export async function bundleToFile(entry: string, name: string, stage: Stage = 'prod'): Promise<Bundle & { outfile: string }> {
  mkdirSync(join(root, '.bench'), { recursive: true });
  const outfile = join(root, '.bench', `${name}-${process.pid}.mjs`);
  const out = await build({ ...esbuildOptions(stage), entryPoints: [join(root, entry)], outfile, metafile: true, logLevel: 'silent' });
  return { ...summary(out.metafile as Metafile, readFileSync(outfile, 'utf8')), outfile };
}
