import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_CORS_ORIGINS, checkEnv } from '../../../lib/core/config-env.js';

const require = createRequire(import.meta.url);
const slsCors = require('../../../sls/cors.cjs') as (o: {
  resolveVariable: (v: string) => Promise<string>;
}) => Promise<{ origins: string[]; csv: string }>;
const corsFor = (stage: string) => slsCors({ resolveVariable: async () => stage });

const SECRET = 'a-deployed-secret-of-at-least-32-characters';
const ORIGIN = 'https://console.account-center.example';
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe('configuration is checked at cold start and fails closed outside the local stage (issue 9 item 10)', () => {
  it.each([
    ['no HMAC_SECRET', { STAGE: 'prod', CORS_ORIGINS: ORIGIN }, /HMAC_SECRET/],
    ['an empty HMAC_SECRET', { STAGE: 'prod', HMAC_SECRET: '', CORS_ORIGINS: ORIGIN }, /HMAC_SECRET/],
    ['a short HMAC_SECRET', { STAGE: 'prod', HMAC_SECRET: 'short', CORS_ORIGINS: ORIGIN }, /HMAC_SECRET/],
    ['no CORS_ORIGINS', { STAGE: 'prod', HMAC_SECRET: SECRET }, /CORS_ORIGINS/],
    ['a wildcard origin', { STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    // Issue 10 review L1: `auto` would need the IMDS region lookup deployed bundles do not carry.
    [
      'AWS_DEFAULTS_MODE=auto',
      { STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: ORIGIN, AWS_DEFAULTS_MODE: 'auto' },
      /AWS_DEFAULTS_MODE/,
    ],
    [
      'a wildcard among origins',
      { STAGE: 'staging', HMAC_SECRET: SECRET, CORS_ORIGINS: `${ORIGIN},https://*.example.com` },
      /CORS_ORIGINS/,
    ],
    ['a plain-http origin', { STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: 'http://console.account-center.example' }, /CORS_ORIGINS/],
    ['the test stage without a secret', { STAGE: 'test' }, /HMAC_SECRET/],
    ['a non-localhost origin in the local stage', { STAGE: 'local', CORS_ORIGINS: ORIGIN }, /CORS_ORIGINS/],
  ])('a stage with %s throws, naming the variable but not its value', (_name, env, message) => {
    expect(() => checkEnv(env)).toThrow(message);
    try {
      checkEnv(env);
    } catch (error) {
      if ('HMAC_SECRET' in env && env.HMAC_SECRET) expect((error as Error).message).not.toContain(env.HMAC_SECRET);
    }
  });

  it('a deployed stage with its secret and https origins starts', () => {
    expect(checkEnv({ STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: `${ORIGIN}, https://admin.example.com:8443` })).toEqual({
      hmacSecret: SECRET,
      corsOrigins: [ORIGIN, 'https://admin.example.com:8443'],
    });
  });

  it('the local stage has its built-in secret and localhost origins only (issue 9 item 4)', () => {
    const local = checkEnv({ STAGE: 'local' });
    expect(local.hmacSecret).not.toBe('');
    expect(local.corsOrigins).toEqual([...LOCAL_CORS_ORIGINS]);
    for (const origin of local.corsOrigins) expect(new URL(origin).hostname).toMatch(/^(localhost|127\.0\.0\.1)$/);
  });

  it('importing the config in a deployed stage without HMAC_SECRET throws at cold start', async () => {
    process.env.STAGE = 'prod';
    process.env.CORS_ORIGINS = ORIGIN;
    delete process.env.HMAC_SECRET;
    // A deployed function's environment: no local emulators (which a deployed stage refuses).
    delete process.env.DYNAMODB_ENDPOINT;
    delete process.env.NOTIFIER;
    delete process.env.S3_ENDPOINT;
    vi.resetModules();
    await expect(import('../../../lib/core/config.js')).rejects.toThrow(/HMAC_SECRET/);
    process.env.HMAC_SECRET = SECRET;
    vi.resetModules();
    const { config } = await import('../../../lib/core/config.js');
    expect(config.hmacSecret).toBe(SECRET);
    expect(config.http.corsOrigins).toEqual([ORIGIN]);
  });
});

describe('httpApi.cors in serverless.yml follows the same allowlist (issue 9 item 4)', () => {
  it('the local stage: the same localhost origins as the config', async () => {
    expect((await corsFor('local')).origins).toEqual([...LOCAL_CORS_ORIGINS]);
  });

  it('a deployed stage: the CORS_ORIGINS the config reads, and a wildcard or nothing fails packaging', async () => {
    process.env.CORS_ORIGINS = ORIGIN;
    const prod = await corsFor('prod');
    expect(prod.origins).toEqual(checkEnv({ STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: prod.csv }).corsOrigins);
    process.env.CORS_ORIGINS = '*';
    await expect(corsFor('prod')).rejects.toThrow(/wildcard/);
    delete process.env.CORS_ORIGINS;
    await expect(corsFor('prod')).rejects.toThrow(/CORS_ORIGINS/);
  });
});

describe('package time and cold start judge CORS origins alike (issue 9 items 4 and 10)', () => {
  const candidates = [
    ORIGIN,
    'https://admin.example.com:8443',
    'https://App.example.com',
    'https://localhost',
    'https://localhost:8443',
    'https://console.example.com/',
    'https://console.example.com/path',
    'http://console.example.com',
    'https://*.example.com',
    'https://-bad.example.com',
  ];

  it.each(candidates)('issue 9 item 4: %s packages for prod if and only if every function starts with it', async (origin) => {
    process.env.CORS_ORIGINS = origin;
    const packaged = await corsFor('prod').then(
      (c) => c.csv,
      () => undefined,
    );
    let started = true;
    try {
      checkEnv({ STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: origin });
    } catch {
      started = false;
    }
    expect({ packaged: packaged !== undefined, started }).toEqual({ packaged: started, started });
    if (packaged !== undefined)
      expect(checkEnv({ STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: packaged }).corsOrigins).toEqual([origin]);
  });
});

describe('cold start refuses values that only look configured (issue 9 item 10)', () => {
  const deployed = { STAGE: 'prod', HMAC_SECRET: SECRET, CORS_ORIGINS: ORIGIN };
  it.each([
    ['an HMAC_SECRET of only whitespace', { ...deployed, HMAC_SECRET: ' '.repeat(40) }, /HMAC_SECRET/],
    ['an HMAC_SECRET of only whitespace in the test stage', { STAGE: 'test', HMAC_SECRET: ' \t ' }, /HMAC_SECRET/],
    [
      'an unresolved {{resolve: literal as HMAC_SECRET',
      { ...deployed, HMAC_SECRET: '{{resolve:secretsmanager:account-center/prod:SecretString:hmacSecret}}' },
      /HMAC_SECRET/,
    ],
    ['NOTIFIER=local in a deployed stage', { ...deployed, NOTIFIER: 'local' }, /NOTIFIER/],
    ['a DYNAMODB_ENDPOINT in a deployed stage', { ...deployed, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }, /DYNAMODB_ENDPOINT/],
    ['an S3_ENDPOINT (s3rver) in a deployed stage (issue 13 item 1)', { ...deployed, S3_ENDPOINT: 'http://127.0.0.1:4568' }, /S3_ENDPOINT/],
  ])('issue 9 item 10: a stage with %s throws at cold start', (_name, env, message) => {
    expect(() => checkEnv(env)).toThrow(message);
  });

  it.each([
    ['the deployed values', { ...deployed, NOTIFIER: 'sns', DYNAMODB_ENDPOINT: '', S3_ENDPOINT: '' }],
    [
      'the local emulators in the test stage',
      { STAGE: 'test', HMAC_SECRET: 'test-hmac-secret', NOTIFIER: 'local', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' },
    ],
    ['the local emulators in the local stage', { STAGE: 'local', NOTIFIER: 'local', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }],
    ['s3rver in the local stage', { STAGE: 'local', S3_ENDPOINT: 'http://127.0.0.1:4568' }],
  ])('issue 9 item 10: %s start', (_name, env) => {
    expect(() => checkEnv(env)).not.toThrow();
  });
});
