/**
 * Counts AWS SDK calls per operation name (e.g. "DynamoDB.GetItem"), for `npm run bench`
 * and tests that pin the number of calls an operation makes. Also measures the wall time spent inside
 * them (issue 10, overhead per operation): overlapping calls, and any other section marked with
 * `beginExcluded` (the bench marks password hashing), count once.
 */
interface MiddlewareStackLike {
  middlewareStack: { add: (mw: any, opts: any) => void };
}

const counts = new Map<string, number>();
let open = 0;
let openedAt = 0;
let excluded = 0;

/** Marks the start of a section whose time is not the stack's own; call the returned function at its end. */
export function beginExcluded(): () => void {
  if (open === 0) openedAt = performance.now();
  open += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    open -= 1;
    if (open === 0) excluded += performance.now() - openedAt;
  };
}

export function countSdkCalls(client: MiddlewareStackLike): void {
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const key = `${context.clientName?.replace(/Client$/, '') ?? 'AWS'}.${String(context.commandName ?? '').replace(/Command$/, '')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const end = beginExcluded();
      try {
        return await next(args);
      } finally {
        end();
      }
    },
    { step: 'initialize', name: 'countSdkCalls' },
  );
}

export function sdkCallCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

export function sdkCallTotal(): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

/** Milliseconds inside SDK calls and excluded sections since the last reset (sections still open not included). */
export function excludedMs(): number {
  return excluded;
}

export function resetSdkCalls(): void {
  counts.clear();
  excluded = 0;
  if (open > 0) openedAt = performance.now();
}
