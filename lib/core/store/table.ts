import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { countSdkCalls } from '../sdk-calls.js';

/** The one DynamoDB client of a function instance (created on first use, reused across invocations). */
let documentClient: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  if (!documentClient) {
    const client = new DynamoDBClient({
      region: config.region,
      // Pinned (issue 10, bundle budget): deployed bundles stub the adaptive strategy (esbuild.config.cjs).
      retryMode: 'standard',
      ...(config.dynamoEndpoint
        ? { endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    countSdkCalls(client);
    documentClient = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return documentClient;
}

export const TABLE = (): string => config.tableName;

/** Index names, as declared in sls/table.yml. */
export const INDEX = {
  /** General-purpose reverse look-ups and lists: gsi1pk / gsi1sk. */
  general: 'gsi1',
  /** Sparse due-time index for timers and the outbox: duePk / dueSk. */
  due: 'due',
} as const;

/**
 * Every item of `keys` that exists, read consistently. DynamoDB may leave keys of a BatchGetItem unprocessed
 * (throttling); they are asked again with back-off, and if some are still left the read fails — an absent item
 * must never be mistaken for one that was not read (a check would pass on missing facts).
 */
export async function getMany(keys: Array<{ pk: string; sk: string }>, attempts = 5): Promise<Array<Record<string, any>>> {
  const found: Array<Record<string, any>> = [];
  let pending: Array<Record<string, unknown>> = keys;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const out = await db().send(new BatchGetCommand({ RequestItems: { [TABLE()]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...(out.Responses?.[TABLE()] ?? []));
    pending = out.UnprocessedKeys?.[TABLE()]?.Keys ?? [];
    if (pending.length === 0) break;
    if (attempt >= attempts) throw new Error('BatchGetItem left keys unprocessed');
    await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
  }
  return found;
}
