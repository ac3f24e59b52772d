/**
 * The one configuration module: every limit, duration and environment-derived setting lives here.
 * Values marked *default* in SPEC.md are ours; change them here and nowhere else.
 */
import { createHash } from 'node:crypto';
import { checkEnv } from './config-env.js';

const env = process.env;
/** Validated at cold start: outside the local stage a missing secret or a wildcard origin throws (issue 9 item 10). */
const checked = checkEnv(env);

const stage = env.STAGE ?? 'local';
const isLocal = stage === 'local';

const EMPTY_KEY_HASH = createHash('sha256').update('').digest('hex');

/**
 * Operator keys by operator ID (issue 9 item 9). OPERATOR_KEYS is JSON `{ "<operatorId>": "<hex SHA-256
 * of the key>" }` (deployed: from Secrets Manager); keys are long random secrets, so a plain SHA-256 is
 * enough and the configuration never holds a usable key. Without it, the local stage knows one operator,
 * `local`, whose key is `localKey`; other stages know none. A malformed value, two operators with one
 * key hash, or the hash of the empty key fails at cold start.
 */
export function operatorKeysFrom(raw: string | undefined, localKey?: string): Record<string, string> {
  if (!raw) return localKey ? { local: createHash('sha256').update(localKey).digest('hex') } : {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('OPERATOR_KEYS is not JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('OPERATOR_KEYS must be a JSON object of operator ID to key hash.');
  const out: Record<string, string> = {};
  for (const [id, hash] of Object.entries(parsed)) {
    if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(id)) throw new Error('OPERATOR_KEYS has an invalid operator ID.');
    if (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash))
      throw new Error(`OPERATOR_KEYS: the key hash of ${id} is not 64 hex characters.`);
    const lower = hash.toLowerCase();
    // issue 9 item 9: a shared hash would let the audit name the wrong operator; the empty key is no secret.
    if (lower === EMPTY_KEY_HASH) throw new Error(`OPERATOR_KEYS: ${id} has the empty key.`);
    const twin = Object.keys(out).find((other) => out[other] === lower);
    if (twin) throw new Error(`OPERATOR_KEYS: ${twin} and ${id} share a key.`);
    out[id] = lower;
  }
  return out;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Builds one settings block. The `@__PURE__` call lets esbuild drop a block no code in the bundle reads (its
 * arithmetic and environment reads would otherwise keep an unused object literal).
 */
const block = <T>(make: () => T): T => make();

/**
 * The settings most bundles read. The blocks only some areas read are the separate consts after it, so
 * esbuild leaves a block out of every bundle that does not read it (it cannot drop a property of one
 * object). Each is a plain object built by `block` (side-effect free); tests may change its values at run time.
 */
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
  /** Operator ID → SHA-256 (hex) of its key; see operatorKeysFrom. */
  operatorKeys: operatorKeysFrom(env.OPERATOR_KEYS, isLocal ? env.OPERATOR_KEY || 'local-operator-key' : undefined),
  /** Key for HMACs of codes, tokens and cursors. Deployed stages get it from Secrets Manager (required there). */
  hmacSecret: checked.hmacSecret,
  logLevel: env.LOG_LEVEL ?? 'INFO',
  materialsBucket: env.MATERIALS_BUCKET ?? '',

  http: {
    /** Browser origins allowed by CORS (issue 9 item 4): localhost only in the local stage, never `*` when deployed. */
    corsOrigins: checked.corsOrigins,
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
    destinationWindowSeconds: DAY, // the windows the three caps above count in
    accountWindowSeconds: DAY,
    sourceWindowSeconds: HOUR,
    sendRecordTtlSeconds: 2 * DAY, // a send-limit record outlives its longest window
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
    loginChallengeRetentionSeconds: DAY, // kept past its expiry for the per-attempt send cap, then TTL-deleted
    maxCodeSendsPerLogin: 3, // issue 9 item 17: codes one sign-in attempt may send, any channel *default*
    trustedDeviceSeconds: 30 * DAY, // R-LI-03 *default*
    touchEverySeconds: 5 * MINUTE, // a session's last-seen time is written at most this often (idle timeout, R-LI-05)
    lockoutThreshold: 100, // R-SEC-01
    failuresPerSourcePerHour: 50, // R-LI-04 throttling per source *default*
    /** R-LI-04 per account *default*: after this many consecutive failures, attempts wait 2^(n-free) s, up to the cap. */
    accountFreeFailures: 10,
    accountMaxBackoffSeconds: 15 * MINUTE,
  },

  // R-SEC-04; a running request's lease: what the invocation has left, within these bounds (issue 9 item 12b)
  idempotency: { ttlSeconds: DAY, minLeaseSeconds: 1, defaultLeaseSeconds: 30, maxLeaseSeconds: 15 * MINUTE },

  audit: { retentionSeconds: 7 * 365 * DAY }, // R-AU-02 *default*
} as const;

export const tenantNameConfig = /* @__PURE__ */ block(() => ({ maxChanges: 3, windowSeconds: 365 * DAY }) as const); // R-AI-02 (rolling year *default*)

export const recipientsConfig = /* @__PURE__ */ block(() => ({ maxPerAccount: 10 }) as const); // R-PR-03 *default*

export const closureConfig = /* @__PURE__ */ block(
  () =>
    ({
      actionsAllowedAfterSeconds: DAY, // R-CL-07
      retentionSeconds: 90 * DAY, // R-CL-09
      checkFreshSeconds: 30 * MINUTE, // R-CL-05 *default*
      /** R-CL-12: a held account's 90-day timer looks again this much later. */
      holdRecheckSeconds: DAY,
    }) as const,
);

/** Partners (issue 11; "3 months" of R-PD-05/06 = 91 days). */
export const partnersConfig = /* @__PURE__ */ block(
  () =>
    ({
      invitationTtlSeconds: 30 * DAY, // R-PA-01 *default*
      invitationsPerDay: 50, // per partner per UTC day, anti-abuse *default*
      disassociationRequestTtlSeconds: 30 * DAY, // R-PD *default*
      /** Issue 11 review finding 3: how long an account has to accept an invitation to a partner's staff. *default* */
      membershipInvitationTtlSeconds: 7 * DAY,
      /** Review 3 finding 5: invitations of one partner to one account's membership of its staff. *default* */
      memberInvitesPerPair: { max: 3, windowSeconds: 30 * DAY },
      customerRequestQuota: { max: 1, windowSeconds: 91 * DAY }, // R-PD-05
      pairRequestQuota: { max: 3, windowSeconds: 91 * DAY }, // R-PD-06
      /** Where an invitation link points; the token rides in the query. */
      invitationBaseUrl: env.PARTNER_INVITATION_BASE_URL ?? 'https://account.example.com/partner-invitation',
      /** R-PD-10: index rows one customer-list request reads at most (a page may then hold fewer than `limit`). */
      customerListReadBudget: 1000,
      /** R-PD-09: the oldest partner consent email a service ticket may carry (security review 1) *default*. */
      ticketConsentMaxAgeSeconds: 30 * DAY,
    }) as const,
);

/** Enterprise master and members (issue 12). */
export const enterpriseConfig = /* @__PURE__ */ block(
  () =>
    ({
      invitationTtlSeconds: 15 * DAY, // R-MM-07 *default*
      /** *default*: the seeds give none; the same as invitations. */
      disassociationRequestTtlSeconds: 15 * DAY,
      /** Open invitations per master (the cap) *default*. */
      maxOpenInvitations: 50,
      /** Re-invitations of one account by one master in a rolling window (anti-harassment) *default*. */
      invitesPerPair: { max: 3, windowSeconds: 30 * DAY },
      /** *default*: members per master; bounds the read of a master's unified members. */
      maxMembers: 1000,
    }) as const,
);

export const materialsConfig = /* @__PURE__ */ block(
  () =>
    ({
      /** A declared material not completed within this is dropped (its item's ttl). */
      pendingTtlSeconds: DAY,
      /** How long a presigned upload target is valid. */
      uploadTtlSeconds: 15 * MINUTE,
      /** An S3-compatible endpoint (s3rver in the local stage and tests; refused when deployed) and path-style URLs. */
      s3Endpoint: (env.S3_ENDPOINT || undefined) as string | undefined,
      s3PathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    }) as const,
);

/** Real-name authentication (issue 13, R-RN-03): the review SLA, the holidays it skips, the operators' channel. */
export const realNameConfig = /* @__PURE__ */ block(
  () =>
    ({
      /** R-RN-03: the review is due within this many working days. */
      reviewWorkingDays: 3,
      /** Public holidays (ISO dates) the due date skips besides weekends; env REALNAME_HOLIDAYS (comma list) *default*. */
      holidays: (env.REALNAME_HOLIDAYS ?? '2026-12-25,2026-12-26,2027-01-01,2027-12-25,2027-12-26,2028-01-01')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean) as readonly string[],
      /** Where overdue reviews are announced *default*. */
      operatorsEmail: env.REALNAME_OPERATORS_EMAIL ?? 'realname-review@operators.example.com',
      /** How long an operator's presigned read link to a material lives *default*. */
      readLinkSeconds: 300,
      /** The fixed list of rejection reason codes (the list plus `other`). */
      rejectReasons: ['document-unreadable', 'name-mismatch', 'certificate-expired', 'country-mismatch', 'other'] as const,
    }) as const,
);

export const schedulerConfig = /* @__PURE__ */ block(
  () =>
    ({
      /** Timers are spread over this many shards of the sparse due-time index. */
      dueShards: 4,
      leaseSeconds: 5 * MINUTE,
      /** Due items read per page (issue 10): a run works page by page and takes a new page only while time remains. */
      pageSize: 25,
      /** A run takes no new page when less than this remains of its time (the Lambda's, or `runBudgetMs` locally). */
      stopMarginMs: 15_000,
      /** The time a run may take where no Lambda context tells the remaining time (local runner, tests). */
      runBudgetMs: 60_000,
    }) as const,
);

/** Notices in the outbox (issue 9 item 13): retried with back-off, abandoned (and alarmed on) after this many attempts. */
export const outboxConfig = /* @__PURE__ */ block(
  () =>
    ({
      maxAttempts: 12, // *default*: about 8 hours of retries with the back-off below
      baseBackoffSeconds: 30,
      maxBackoffSeconds: HOUR,
      /** How long an abandoned item (content dropped, recipient hashed) is kept for inspection *default*. */
      abandonedRetentionSeconds: 90 * DAY,
    }) as const,
);

/** The local stage's own settings (links, the message sink). */
export const localConfig = /* @__PURE__ */ block(
  () =>
    ({
      baseUrl: env.LOCAL_BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`,
      messagesTtlSeconds: 7 * DAY,
    }) as const,
);

export const durations = { MINUTE, HOUR, DAY } as const;
