/**
 * `keys.<name>(…)`: every key builder of the single table. The builders and the access patterns they serve are
 * declared once, as data, in ./patterns.ts (which also generates the docs table). Product code imports them as
 * `import * as keys from '…/core/store/key-builders.js'` so that esbuild keeps only the builders a bundle uses (an
 * object of builders kept every builder in every function: each new access pattern cost every bundle); `keys` here
 * is the same namespace, for tests and scripts (test/unit/core/store/keys.test.ts checks the two lists).
 */
import { createHash } from 'node:crypto';
import { schedulerConfig } from '../config.js';
import * as keys from './key-builders.js';

export type { ClaimKind, Key } from './patterns.js';
export * as keys from './key-builders.js';

/** Shard of the sparse due-time index for an item; stable per owner so one owner's timers share a shard. */
export function dueShard(ownerId: string): string {
  const n = createHash('sha256').update(ownerId).digest().readUInt32BE(0) % schedulerConfig.dueShards;
  return keys.duePartition(n);
}

/** The due index's shard numbers (a shard's partition is `keys.duePartition(n)`). */
export function dueShardNumbers(): number[] {
  return Array.from({ length: schedulerConfig.dueShards }, (_, n) => n);
}

export function allDueShards(): string[] {
  return dueShardNumbers().map((n) => keys.duePartition(n));
}

/** Attributes that put an item into the due index: due at `dueAtIso`, tie-broken by `id`. */
export function dueAttributes(ownerId: string, dueAtIso: string, id: string): { duePk: string; dueSk: string } {
  return { duePk: dueShard(ownerId), dueSk: `${dueAtIso}#${id}` };
}
