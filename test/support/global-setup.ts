/**
 * Starts DynamoDB Local and s3rver (the materials bucket, in a temporary directory) once for the whole
 * run, and the local stage (serverless-offline) against both for the e2e files. All are stopped when the
 * run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTable, freePort, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.js';
import { startOffline } from '../../scripts/lib/offline.js';
import { s3Env, startS3Local } from '../../scripts/lib/s3-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** MATERIALS_BUCKET, S3_ENDPOINT, S3_FORCE_PATH_STYLE and s3rver's credentials. */
    s3Env: Record<string, string>;
    apiUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  const s3Dir = mkdtempSync(join(tmpdir(), 'account-center-s3-'));
  const s3 = await startS3Local({ port: await freePort(), directory: s3Dir });
  project.provide('s3Env', s3Env(s3));

  const wantsE2e = process.env.SKIP_E2E !== '1';
  let offline: Awaited<ReturnType<typeof startOffline>> | undefined;
  if (wantsE2e) {
    await ensureTable(dynamo.endpoint, 'account-center-local');
    const port = await freePort();
    offline = await startOffline({ port, lambdaPort: await freePort(), dynamoEndpoint: dynamo.endpoint, env: s3Env(s3) });
    project.provide('apiUrl', offline.url);
  } else {
    project.provide('apiUrl', '');
  }

  return async () => {
    await offline?.stop();
    await dynamo.stop();
    await s3.stop();
    rmSync(s3Dir, { recursive: true, force: true });
  };
}
