import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
