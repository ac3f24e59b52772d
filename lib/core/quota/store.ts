/**
 * Quota windows (issue 11): one item per scope (`keys.quotaWindow(scope)`) holding the use times inside the
 * window (pruned at every write) and a version. A use is a write conditioned on the version that was read, put in
 * the transaction of the change it counts (a disassociation request, later an enterprise invitation), so of
 * parallel uses of the last one left exactly one commits; the others fail on their tag and re-read. The decision
 * itself is the pure `windowState` of ./rolling-window.ts. A window item lives (TTL) until its newest use has left
 * the window, so it never needs a sweep.
 */
import { addSeconds, epochSeconds } from '../clock.js';
import * as keys from '../store/key-builders.js';
import { TABLE, getMany } from '../store/table.js';
import { type TransactItem, tagged } from '../store/writes.js';
import { type WindowLimit, type WindowState, windowState } from './rolling-window.js';

export interface QuotaWindow {
  scope: string;
  limit: WindowLimit;
  /** ISO times of the recorded uses (possibly some already outside the window). */
  uses: string[];
  /** 0 when the scope has no item yet. */
  version: number;
}

/** The windows of these scopes, read consistently in one round trip (an absent one is empty, version 0). */
export async function readQuotaWindows(scopes: ReadonlyArray<{ scope: string; limit: WindowLimit }>): Promise<QuotaWindow[]> {
  const items = scopes.length ? await getMany(scopes.map((s) => keys.quotaWindow(s.scope))) : [];
  return scopes.map(({ scope, limit }) => {
    const item = items.find((i) => i.pk === keys.quotaWindow(scope).pk);
    return { scope, limit, uses: (item?.uses as string[] | undefined) ?? [], version: (item?.version as number | undefined) ?? 0 };
  });
}

/** What the window allows at `at`: uses left and, when none is, when the next one is (pure). */
export const quotaState = (window: QuotaWindow, at: Date): WindowState => windowState(window.uses, at, window.limit);

/**
 * Records one use at `at`, conditioned on the version read (tag `tag`): a concurrent use in between fails this
 * write. The caller decides first with `quotaState`; a window without a use left is a defect here.
 */
export function quotaUseWrite(window: QuotaWindow, at: Date, tag = 'quota'): TransactItem {
  const state = quotaState(window, at);
  if (state.left === 0) throw new Error(`quota ${window.scope} has no use left`);
  const uses = [...state.recent, at.toISOString()];
  const key = keys.quotaWindow(window.scope);
  return tagged(tag, {
    Put: {
      TableName: TABLE(),
      Item: {
        ...key,
        scope: window.scope,
        uses,
        version: window.version + 1,
        ttl: epochSeconds(addSeconds(at, window.limit.windowSeconds + 86_400)),
      },
      ...(window.version === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': window.version } }),
    },
  });
}
