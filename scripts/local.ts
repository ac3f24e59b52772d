/**
 * `npm start`: the whole API on http://localhost:3000 (PORT overrides) with DynamoDB Local (data kept
 * in .local/dynamodb), s3rver for uploaded materials (on 127.0.0.1:4568, S3_PORT overrides; files kept
 * in .local/s3; `npm start -- --fresh` starts both empty), the message sink, the test clock and the
 * scheduler on its cron. Ctrl-C stops everything.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JAVA_MISSING_LINE, ensureTable, javaMissing, startDynamoDbLocal } from './lib/dynamodb-local.js';
import { startOffline } from './lib/offline.js';
import { s3Env, startS3Local } from './lib/s3-local.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = process.argv.includes('--fresh');
const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const s3Port = Number(process.env.S3_PORT ?? 4568);

async function main(): Promise<void> {
  if (javaMissing()) {
    console.error(JAVA_MISSING_LINE);
    process.exit(1);
  }
  const dataDir = join(root, '.local', 'dynamodb');
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const dynamo = await startDynamoDbLocal({ port: dynamoPort, path: dataDir });
  const created = await ensureTable(dynamo.endpoint, 'account-center-local');
  console.log(`DynamoDB Local on ${dynamo.endpoint} (table account-center-local ${created}${fresh ? ', fresh' : ''})`);

  const s3Dir = join(root, '.local', 's3');
  if (fresh) rmSync(s3Dir, { recursive: true, force: true });
  mkdirSync(s3Dir, { recursive: true });
  const s3 = await startS3Local({ port: s3Port, directory: s3Dir }).catch(async (error: Error) => {
    await dynamo.stop();
    console.error(`s3rver did not start on port ${s3Port}: ${error.message}`);
    process.exit(1);
  });
  console.log(`s3rver on ${s3.endpoint} (bucket ${s3.bucket})`);

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await offline?.stop().catch(() => undefined);
    await dynamo.stop();
    await s3.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  let offline: Awaited<ReturnType<typeof startOffline>> | undefined;
  try {
    offline = await startOffline({ port, lambdaPort: port + 2, dynamoEndpoint: dynamo.endpoint, stdio: 'inherit', env: s3Env(s3) });
  } catch (error) {
    console.error(String((error as Error).message));
    await stopAll(1);
    return;
  }
  console.log(`Account Center API on http://localhost:${port} — OpenAPI at /v1/openapi.json, messages at /local/messages`);
  offline.process.once('exit', (code) => void stopAll(code ?? 0));
}

void main();
