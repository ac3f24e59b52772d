/**
 * Starts DynamoDB Local once for the whole run, and the local stage (serverless-offline) against it
 * for the e2e files. Both are stopped when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { ensureTable, freePort, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.js';
import { startOffline } from '../../scripts/lib/offline.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    apiUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);

  const wantsE2e = process.env.SKIP_E2E !== '1';
  let offline: Awaited<ReturnType<typeof startOffline>> | undefined;
  if (wantsE2e) {
    await ensureTable(dynamo.endpoint, 'account-center-local');
    const port = await freePort();
    offline = await startOffline({ port, lambdaPort: await freePort(), dynamoEndpoint: dynamo.endpoint });
    project.provide('apiUrl', offline.url);
  } else {
    project.provide('apiUrl', '');
  }

  return async () => {
    await offline?.stop();
    await dynamo.stop();
  };
}
