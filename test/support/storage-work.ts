/** Records the DynamoDB calls an operation makes (kind and item count, no values), to compare two code paths. */
import { db } from '../../lib/core/store/table.js';

function describeCall(command: string, input: Record<string, any>): string {
  const name = command.replace(/Command$/, '');
  if (name.startsWith('BatchGet'))
    return `${name}×${Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>)[0]!.Keys.length}`;
  if (name.startsWith('BatchWrite')) return `${name}×${(Object.values(input.RequestItems as Record<string, unknown[]>)[0] ?? []).length}`;
  if (name.startsWith('TransactWrite')) return `${name}[${(input.TransactItems as object[]).map((i) => Object.keys(i)[0]).join(',')}]`;
  return `${name}${input.ConditionExpression ? ' (conditional)' : ''}`;
}

/** Runs `fn` and returns the DynamoDB calls it made, in order. */
export async function storageWork(fn: () => Promise<unknown>): Promise<string[]> {
  const calls: string[] = [];
  const name = `storageWork${Math.random()}`;
  db().middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      calls.push(describeCall(String(context.commandName), args.input));
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await fn();
  } finally {
    db().middlewareStack.remove(name);
  }
  return calls;
}
