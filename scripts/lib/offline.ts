/** Runs the local stage's API (serverless-offline, stage "local", TZ=UTC) against a DynamoDB Local endpoint. */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningOffline {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startOffline(options: {
  port: number;
  lambdaPort: number;
  dynamoEndpoint: string;
  stdio?: 'inherit' | 'pipe';
  env?: Record<string, string>;
}): Promise<RunningOffline> {
  const child = spawn(join(root, 'node_modules', '.bin', 'serverless'), ['offline', 'start', '--stage', 'local'], {
    cwd: root,
    stdio: options.stdio === 'inherit' ? 'inherit' : 'pipe',
    detached: process.platform !== 'win32',
    env: {
      ...process.env,
      TZ: 'UTC',
      PORT: String(options.port),
      LAMBDA_PORT: String(options.lambdaPort),
      DYNAMODB_ENDPOINT: options.dynamoEndpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'us-east-1',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      ...options.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + String(d)).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + String(d)).slice(-4000)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited (${child.exitCode}): ${output}`);
    try {
      const res = await fetch(`${url}/local/clock`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`serverless offline did not answer within 120 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000).unref();
      }),
  };
}
