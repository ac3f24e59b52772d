/**
 * Counts AWS SDK calls per operation name (e.g. "DynamoDB.GetItem"), for `npm run bench`
 * and tests that pin the number of calls an operation makes.
 */
interface MiddlewareStackLike {
  middlewareStack: { add: (mw: any, opts: any) => void };
}

const counts = new Map<string, number>();

export function countSdkCalls(client: MiddlewareStackLike): void {
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const key = `${context.clientName?.replace(/Client$/, '') ?? 'AWS'}.${String(context.commandName ?? '').replace(/Command$/, '')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return next(args);
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

export function resetSdkCalls(): void {
  counts.clear();
}
