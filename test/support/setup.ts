/**
 * Runs before each test file is imported: points the product's config at DynamoDB Local and a table
 * of this file's own, so files can run in parallel without seeing each other's items.
 */
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, inject } from 'vitest';
import { ensureTable } from '../../scripts/lib/dynamodb-local.js';

const endpoint = inject('dynamoEndpoint');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.STAGE = 'test';
process.env.NOTIFIER = 'local';
// Operator `test`, key `test-operator-key` (OPERATOR_KEYS holds only the key's SHA-256; issue 9 item 9).
process.env.OPERATOR_KEYS ??= JSON.stringify({ test: createHash('sha256').update('test-operator-key').digest('hex') });
process.env.HMAC_SECRET = 'test-hmac-secret';
process.env.AWS_REGION = 'us-east-1';
// The materials bucket on the run's s3rver, through the real S3 adapter (and s3rver's credentials).
Object.assign(process.env, inject('s3Env'));
process.env.NOTICES_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:account-center-test-notices';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';
process.env.POWERTOOLS_DEV = 'false';
process.env.TABLE_NAME = `test-${randomBytes(6).toString('hex')}`;

await ensureTable(endpoint, process.env.TABLE_NAME);
// The local adapters, as the composition root hands them to their ports; in beforeAll, so a test file
// that sets its own environment before importing the product still configures it first.
beforeAll(async () => {
  await import('../../lib/app/local.js');
});
