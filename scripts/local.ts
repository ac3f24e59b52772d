/**
 * `npm start`: the whole API on http://localhost:3000 (PORT overrides) with DynamoDB Local (data kept
 * in .local/dynamodb; `npm start -- --fresh` starts empty), the message sink, the test clock and the
 * scheduler on its cron. Ctrl-C stops everything.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JAVA_MISSING_LINE, ensureTable, javaMissing, startDynamoDbLocal } from './lib/dynamodb-local.js';
import { startOffline } from './lib/offline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = process.argv.includes('--fresh');
const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);

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

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await offline?.stop().catch(() => undefined);
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  let offline: Awaited<ReturnType<typeof startOffline>> | undefined;
  try {
    offline = await startOffline({ port, lambdaPort: port + 2, dynamoEndpoint: dynamo.endpoint, stdio: 'inherit' });
  } catch (error) {
    console.error(String((error as Error).message));
    await stopAll(1);
    return;
  }
  console.log(`Account Center API on http://localhost:${port} — OpenAPI at /v1/openapi.json, messages at /local/messages`);
  offline.process.once('exit', (code) => void stopAll(code ?? 0));
}

void main();
