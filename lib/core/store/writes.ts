/**
 * Conditional writes and transactions that turn DynamoDB's condition failures into typed domain
 * errors. A use case says what a failed condition means; the store never guesses.
 */
import {
  DeleteCommand,
  type DeleteCommandInput,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { db } from './table.js';

/**
 * A condition of a write did not hold. `reasons` has one entry per transaction item (or one for a single
 * write); `tags` names the items (see `tagged`), so a use case asks "did the claim fail?" by name
 * instead of by position in the item list.
 */
export class ConditionFailed extends Error {
  constructor(
    readonly reasons: Array<string | undefined>,
    readonly tags: Array<string | undefined> = [],
  ) {
    super('ConditionFailed');
    this.name = 'ConditionFailed';
  }

  /** Indexes of the transaction items whose condition failed. */
  private failedIndexes(): number[] {
    return this.reasons.flatMap((r, i) => (r === 'ConditionalCheckFailed' ? [i] : []));
  }

  /** Did the condition of an item with this tag fail? */
  failed(tag: string): boolean {
    return this.failedIndexes().some((i) => this.tags[i] === tag);
  }

  /** The tags of the items whose condition failed. */
  failedTags(): string[] {
    return this.failedIndexes().flatMap((i) => (this.tags[i] === undefined ? [] : [this.tags[i] as string]));
  }
}

const TAGS = new WeakMap<object, string>();

/** Names a transaction item for `ConditionFailed.failed(tag)`; returns the same item. */
export function tagged<T extends TransactItem>(tag: string, item: T): T {
  TAGS.set(item, tag);
  return item;
}

/** Two transactions touched the same item at once; the caller may retry. */
export class TransactionConflict extends Error {
  constructor() {
    super('TransactionConflict');
    this.name = 'TransactionConflict';
  }
}

type Mapper = (failure: ConditionFailed) => Error;

function translate(error: unknown, onConditionFailed?: Mapper, tags: Array<string | undefined> = []): never {
  const name = (error as { name?: string }).name;
  if (name === 'ConditionalCheckFailedException') {
    const failure = new ConditionFailed(['ConditionalCheckFailed']);
    throw onConditionFailed ? onConditionFailed(failure) : failure;
  }
  if (name === 'TransactionCanceledException') {
    const reasons = ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) =>
      r.Code && r.Code !== 'None' ? r.Code : undefined,
    );
    if (reasons.some((r) => r === 'ConditionalCheckFailed')) {
      const failure = new ConditionFailed(reasons, tags);
      throw onConditionFailed ? onConditionFailed(failure) : failure;
    }
    if (reasons.some((r) => r === 'TransactionConflict')) throw new TransactionConflict();
  }
  throw error;
}

export async function put(input: PutCommandInput, onConditionFailed?: Mapper): Promise<void> {
  try {
    await db().send(new PutCommand(input));
  } catch (error) {
    translate(error, onConditionFailed);
  }
}

export async function update(input: UpdateCommandInput, onConditionFailed?: Mapper): Promise<UpdateCommandOutput> {
  try {
    return await db().send(new UpdateCommand(input));
  } catch (error) {
    return translate(error, onConditionFailed);
  }
}

export async function remove(input: DeleteCommandInput, onConditionFailed?: Mapper): Promise<void> {
  try {
    await db().send(new DeleteCommand(input));
  } catch (error) {
    translate(error, onConditionFailed);
  }
}

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * All-or-nothing write. A conflicting concurrent transaction is retried a few times (it is a
 * transient state, not a rule); a failed condition is translated by `onConditionFailed`.
 */
export async function transact(items: TransactItem[], onConditionFailed?: Mapper, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      try {
        translate(
          error,
          onConditionFailed,
          items.map((item) => TAGS.get(item)),
        );
      } catch (translated) {
        if (translated instanceof TransactionConflict && attempt < attempts) {
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
          continue;
        }
        throw translated;
      }
    }
  }
}
