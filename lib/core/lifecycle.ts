/**
 * Lifecycle hooks (issue 10): when cloud services are disabled (R-CL-08, R-CL-11, R-CL-13), each area says
 * what it releases in the disabling transaction and what it removes outside the table when the account's
 * items are purged. The areas register their hooks from the composition root (lib/app/lifecycle.ts);
 * disabling and purging ask every registered hook and know no area's items themselves.
 */
import type { TransactItem } from './store/writes.js';

/** The account being disabled, as its item stood (each area reads the fields it owns). */
export interface LifecycleAccount {
  accountId: string;
  [field: string]: unknown;
}

/** An item of the account's partition about to be purged (the purge reads them all). */
export interface PurgedItem {
  pk: string;
  sk: string;
  [attribute: string]: unknown;
}

export interface LifecycleHook {
  /** The area, for logs and to keep one hook per area. */
  area: string;
  /** Transaction items that commit with the disable: claims released, timers removed. */
  onDisable?(account: LifecycleAccount): TransactItem[];
  /** Called with each batch of items the purge deletes: remove what they point at outside the table (files). */
  onPurge?(accountId: string, items: PurgedItem[]): Promise<void>;
  /** The attributes `onPurge` reads (the purge reads only keys and these, never whole items). */
  purgeAttributes?: string[];
}

const hooks = new Map<string, LifecycleHook>();

/** Registers (or replaces) an area's hook. */
export function registerLifecycle(hook: LifecycleHook): void {
  hooks.set(hook.area, hook);
}

/** Removes an area's hook (tests). */
export function unregisterLifecycle(area: string): void {
  hooks.delete(area);
}

/** The registered hooks; none means the composition root was not loaded, which must never disable half an account. */
export function lifecycleHooks(): LifecycleHook[] {
  if (!hooks.size) throw new Error('No lifecycle hooks are registered (import lib/app/lifecycle.ts).');
  return [...hooks.values()];
}

/** What every area releases with the disable. */
export function releasesOnDisable(account: LifecycleAccount): TransactItem[] {
  return lifecycleHooks().flatMap((hook) => hook.onDisable?.(account) ?? []);
}

/** What the purge reads of each item: its keys and what the registered hooks declare they need. */
export function purgeProjection(): string[] {
  return [...new Set(['pk', 'sk', ...lifecycleHooks().flatMap((hook) => hook.purgeAttributes ?? [])])];
}

/** Lets every area act on a batch of items the purge is about to delete. */
export async function beforePurge(accountId: string, items: PurgedItem[]): Promise<void> {
  for (const hook of lifecycleHooks()) await hook.onPurge?.(accountId, items);
}
