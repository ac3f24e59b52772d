/**
 * The one configuration module: every limit, duration and environment-derived setting lives here.
 * Values marked *default* in SPEC.md are ours; change them here and nowhere else.
 */
const env = process.env;

const stage = env.STAGE ?? 'local';
const isLocal = stage === 'local';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const config = {
  service: 'account-center',
  stage,
  isLocal,
  /** The test clock (moved by POST /local/clock) exists only in the local stage. */
  testClock: isLocal,
  region: env.AWS_REGION ?? 'us-east-1',
  tableName: env.TABLE_NAME ?? `account-center-${stage}`,
  /** Set only in the local stage / tests (DynamoDB Local). */
  dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  /** Which Notifier adapter delivers messages: 'sns' in deployed stages, 'local' records to the sink. */
  notifier: (env.NOTIFIER ?? (isLocal ? 'local' : 'sns')) as 'sns' | 'local',
  noticesTopicArn: env.NOTICES_TOPIC_ARN ?? '',
  snsEndpoint: env.SNS_ENDPOINT || undefined,
  operatorKey: env.OPERATOR_KEY || (isLocal ? 'local-operator-key' : ''),
  /** Key for HMACs of codes, tokens and cursors. Deployed stages get it from Secrets Manager. */
  hmacSecret: env.HMAC_SECRET || (isLocal ? 'local-only-hmac-secret-do-not-deploy' : ''),
  logLevel: env.LOG_LEVEL ?? 'INFO',
  /** Where uploaded materials live: 's3' in deployed stages, 'local' files in the local stage and tests. */
  storage: (env.STORAGE ?? (env.MATERIALS_BUCKET ? 's3' : 'local')) as 's3' | 'local',
  materialsBucket: env.MATERIALS_BUCKET ?? '',

  http: {
    corsOrigins: (env.CORS_ORIGINS ?? '*').split(','),
  },

  pagination: { defaultLimit: 20, maxLimit: 100 },

  verification: {
    codeDigits: 6,
    codeTtlSeconds: 10 * MINUTE, // R-VC-03 *default*
    maxWrongAttempts: 5, // R-VC-03 *default*
    resendCooldownSeconds: 60, // R-VC-04 *default*
    maxSendsPerDestinationPerDay: 10, // R-VC-04 *default*
    maxSendsPerAccountPerDay: 30, // R-SEC-06 *default*
    maxSendsPerSourcePerHour: 30, // R-SEC-06 *default*
  },

  password: {
    minLength: 8, // R-SU-03
    maxLength: 128, // R-SU-03
    scrypt: { N: 2 ** 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 },
  },

  sessions: {
    idleSeconds: 12 * HOUR, // R-LI-05 *default*
    absoluteSeconds: 7 * DAY, // *default*
    loginChallengeTtlSeconds: 10 * MINUTE,
    maxCodeSendsPerLogin: 3, // issue 9 item 17: codes one sign-in attempt may send, any channel *default*
    trustedDeviceSeconds: 30 * DAY, // R-LI-03 *default*
    lockoutThreshold: 100, // R-SEC-01
    failuresPerSourcePerHour: 50, // R-LI-04 throttling per source *default*
    /** R-LI-04 per account *default*: after this many consecutive failures, attempts wait 2^(n-free) s, up to the cap. */
    accountFreeFailures: 10,
    accountMaxBackoffSeconds: 15 * MINUTE,
  },

  idempotency: { ttlSeconds: DAY }, // R-SEC-04

  tenantName: { maxChanges: 3, windowSeconds: 365 * DAY }, // R-AI-02 (rolling year *default*)
  recipients: { maxPerAccount: 10 }, // R-PR-03 *default*
  audit: { retentionSeconds: 7 * 365 * DAY }, // R-AU-02 *default*

  closure: {
    actionsAllowedAfterSeconds: DAY, // R-CL-07
    retentionSeconds: 90 * DAY, // R-CL-09
    checkFreshSeconds: 30 * MINUTE, // R-CL-05 *default*
  },

  scheduler: {
    /** Timers are spread over this many shards of the sparse due-time index. */
    dueShards: 4,
    batchSize: 25,
    leaseSeconds: 5 * MINUTE,
  },

  local: {
    uploadsDir: env.LOCAL_UPLOADS_DIR ?? '.local/uploads',
    baseUrl: env.LOCAL_BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    messagesTtlSeconds: 7 * DAY,
  },
} as const;

export const durations = { MINUTE, HOUR, DAY } as const;
