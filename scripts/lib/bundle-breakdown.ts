/** Where a bundle's bytes come from (esbuild metafile): per npm package, and per top-level folder of our own code. */
import type { Metafile } from 'esbuild';

/** "zod", "@smithy/core", or for our own code its folder ("lib/closure", "functions/closure"). */
export function ownerOf(input: string): string {
  const pkg = input.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return pkg[1]!;
  const parts = input.replace(/^\.\//, '').split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** KB per owner, largest first (one decimal; the output bytes esbuild attributes to each input). */
export function breakdown(metafile: Metafile): Array<{ owner: string; kb: number }> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner = ownerOf(input);
      bytes.set(owner, (bytes.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .map(([owner, b]) => ({ owner, kb: Math.round((b / 1024) * 10) / 10 }))
    .filter((r) => r.kb > 0)
    .sort((a, b) => b.kb - a.kb);
}
