/**
 * `serverless package --stage prod` works offline with dummy credentials, deploys exactly the routes
 * of serverless.yml (no local-only function), the table of sls/table.yml, and bundles within budget.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compare, grantedActions, usedActions } from '../../support/iam.js';

const run = promisify(execFile);
const BUNDLE_BUDGET_KB = 300; // issue 10
const DEPLOYED_ORIGINS = ['https://console.account-center.example', 'https://admin.account-center.example'];
const workFolder = `.esbuild-package-${process.pid}`;
const out = mkdtempSync(join(tmpdir(), 'ac-package-'));
let template: any;

beforeAll(async () => {
  await run('node_modules/.bin/serverless', ['package', '--stage', 'prod', '--package', out], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'dummy',
      AWS_SECRET_ACCESS_KEY: 'dummy',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      ESBUILD_WORK_FOLDER: workFolder,
      DYNAMODB_ENDPOINT: '',
      CORS_ORIGINS: DEPLOYED_ORIGINS.join(','),
    },
    timeout: 180_000,
  });
  template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
}, 200_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(workFolder, { recursive: true, force: true });
});

const resources = () => Object.entries(template.Resources as Record<string, any>);
const functions = () => resources().filter(([, r]) => r.Type === 'AWS::Lambda::Function');

function bundlesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => join(dir, f));
}

describe('deployable package for a non-local stage', () => {
  it('contains exactly the functions of serverless.yml and none of the local-only ones', () => {
    const declared = Object.keys(parse(readFileSync('serverless.yml', 'utf8')).functions[0]);
    const packaged = readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .map((f) => f.replace(/\.zip$/, ''));
    expect(packaged.sort()).toEqual(declared.sort());
    expect(JSON.stringify(template)).not.toMatch(/local(Messages|Clock|Scheduler)/);
  });

  it('each zip holds only its own ESM bundle', () => {
    for (const zip of readdirSync(out).filter((f) => f.endsWith('.zip'))) {
      const names = new Set(
        readFileSync(join(out, zip))
          .toString('latin1')
          .match(/functions\/[\w/-]+\.mjs/g),
      );
      expect(names.size, zip).toBe(1);
    }
  });

  it('every function runs nodejs22.x and reaches no local endpoint', () => {
    for (const [name, fn] of functions()) {
      expect(fn.Properties.Runtime, name).toBe('nodejs22.x');
      expect(fn.Properties.Environment.Variables.DYNAMODB_ENDPOINT, name).toBe('');
      expect(fn.Properties.Environment.Variables.NOTIFIER, name).toBe('sns');
    }
  });

  it('deploys the table of sls/table.yml with PITR, TTL, on-demand billing and the due-time index', () => {
    const table = resources().find(([, r]) => r.Type === 'AWS::DynamoDB::Table')![1].Properties;
    const def = parse(readFileSync('sls/table.yml', 'utf8'));
    expect(table.KeySchema).toEqual(def.KeySchema);
    expect(table.GlobalSecondaryIndexes).toEqual(def.GlobalSecondaryIndexes);
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    expect(table.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toContain('due');
  });

  it('has an SNS notices topic and the scheduler on rate(1 minute)', () => {
    expect(resources().some(([, r]) => r.Type === 'AWS::SNS::Topic')).toBe(true);
    const rules = resources().filter(([, r]) => r.Type === 'AWS::Events::Rule');
    expect(rules.map(([, r]) => r.Properties.ScheduleExpression)).toContain('rate(1 minute)');
  });

  it('issue 9 item 11: the packaged role grants every AWS action the code uses, and no DynamoDB/SNS/S3 action it does not', () => {
    const role = resources().find(([, r]) => r.Type === 'AWS::IAM::Role')![1];
    const statements = (role.Properties.Policies as Array<{ PolicyDocument: { Statement: any[] } }>).flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    const used = usedActions('.');
    expect(used.unmapped).toEqual([]);
    expect(compare(used.actions, grantedActions(statements))).toEqual({ missing: [], unused: [] });
  });

  it(`every bundle is at most ${BUNDLE_BUDGET_KB} KB (minified ESM)`, () => {
    const bundles = bundlesIn(join(workFolder, '.build'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const file of bundles) expect(statSync(file).size / 1024, file).toBeLessThanOrEqual(BUNDLE_BUDGET_KB);
  });

  it('bundle budget (issue 9, i9-size): no deployed bundle carries a local-only adapter (recorder, test clock) nor the removed upload stand-in', () => {
    // Strings only the real modules contain; test/integration/deploy/bundle-stubs.test.ts shows a local build has them.
    // "local-upload" was the removed filesystem adapter's grant (issue 13): it must not come back.
    const markers = ['.messagesTtlSeconds', '"local-upload"', '.offsetMs'];
    const bundles = bundlesIn(join(workFolder, '.build'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      expect(
        markers.filter((m) => text.includes(m)),
        file,
      ).toEqual([]);
    }
  });

  it('issue 9 item 4: API Gateway and every function allow the same CORS origins, the configured ones, never a wildcard', () => {
    const api = resources().find(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api')![1].Properties;
    expect(api.CorsConfiguration.AllowOrigins).toEqual(DEPLOYED_ORIGINS);
    for (const [name, fn] of functions()) {
      if (!fn.Properties.Environment.Variables.CORS_ORIGINS) continue;
      expect(fn.Properties.Environment.Variables.CORS_ORIGINS, name).toBe(DEPLOYED_ORIGINS.join(','));
    }
    expect(JSON.stringify(api.CorsConfiguration)).not.toContain('*');
  });

  it('R-RN-08: the materials bucket is private (every public access blocked, owner-enforced, encrypted) and takes cross-origin PUT/POST only from the configured origins (issue 13 item 2)', () => {
    const bucket = template.Resources.MaterialsBucket.Properties;
    expect(template.Resources.MaterialsBucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toMatch(
      /^(AES256|aws:kms)$/,
    );
    expect(bucket.AccessControl).toBeUndefined();
    expect(bucket.WebsiteConfiguration).toBeUndefined();
    expect(bucket.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedOrigins: DEPLOYED_ORIGINS })]);
    expect(bucket.CorsConfiguration.CorsRules[0].AllowedMethods.sort()).toEqual(['POST', 'PUT']);
    // No bucket policy opens it to anyone: the presigned GET links are the only way to the bytes.
    const policies = resources().filter(
      ([, r]) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties.Bucket).includes('MaterialsBucket'),
    );
    expect(policies).toEqual([]);
  });
});
