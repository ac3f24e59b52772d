/**
 * s3rver (an S3 emulator in plain JavaScript, from npm) for `npm start` and the test run, the way
 * DynamoDB Local is started (./dynamodb-local.ts): one instance, its files in a directory, the materials
 * bucket created. It runs in the calling process. It serves presigned PUT, ranged GET, CopyObject and
 * DELETE but checks no signature, size or type: the S3 adapter's signing is proved by a unit test and
 * `complete` checks the bytes in every stage.
 */
import S3rver from 's3rver';

/** The bucket the local stage and the tests use (serverless.yml's local MATERIALS_BUCKET). */
export const LOCAL_MATERIALS_BUCKET = 'account-center-local-materials';

/** s3rver knows one key pair; V4 signatures are accepted unchecked, but the access key must be this one. */
export const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface RunningS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export async function startS3Local(options: { port: number; directory: string; bucket?: string }): Promise<RunningS3> {
  const bucket = options.bucket ?? LOCAL_MATERIALS_BUCKET;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}

/** The environment that points the S3 adapter at a running s3rver. */
export function s3Env(s3: RunningS3): Record<string, string> {
  return { MATERIALS_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_FORCE_PATH_STYLE: 'true', ...S3RVER_CREDENTIALS };
}
