/**
 * Login (R-LI-01..04, R-SEC-01, R-SEC-03): identifier + password, then a second-step code by the channel
 * the user picks, unless a trusted device token skips it. Unknown identifier and wrong password get the
 * same answer after the same work (a dummy hash is verified when no account matches).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type AccountItem, channelsOf, contactFor, getAccount } from '../accounts/account.js';
import { countFailure, isLocked } from '../accounts/lockout.js';
import { resolveIdentifierEvenly } from '../accounts/identifiers.js';
import { verifyAgainstDummy, verifyPassword } from '../accounts/password.js';
import { maskDestination } from '../accounts/rules.js';
import { audit, auditWrite } from '../core/audit/audit.js';
import { addSeconds, epochSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { keyedHash, newId } from '../core/crypto.js';
import { InvalidCode, InvalidCredentials, RateLimited, RuleViolation } from '../core/errors.js';
import type { RequestInfo } from '../core/http/route.js';
import type { Channel } from '../core/notify/notifier.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, put, transact, update } from '../core/store/writes.js';
import { type ChallengeItem, checkCode, sendCode } from '../verification/challenges.js';
import { decoyAccountId } from '../verification/decoys.js';
import { isThrottled } from './rules.js';
import { isTrustedDevice, newSession, newTrustedDevice } from './tokens.js';

const sourceKey = (ip: string) => keys.rateWindow('loginfail', keyedHash('rate', ip), now().toISOString().slice(0, 13));

async function throttleSource(request: RequestInfo): Promise<void> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: sourceKey(request.sourceIp) }));
  if ((Item?.count ?? 0) >= config.sessions.failuresPerSourcePerHour) {
    throw new RateLimited(3600 - (now().getUTCMinutes() * 60 + now().getUTCSeconds()), 'Too many failed sign-ins from here; try later.');
  }
}

/**
 * A failed sign-in: the source's counter, the account's failure count (R-SEC-01) and an audit trace.
 * R-SEC-03: without a real account to charge (unknown identifier, or an attempt inside the back-off) the
 * same calls go to a decoy account ID that names none, under conditions that fail: equal work, no writes.
 */
async function recordFailure(request: RequestInfo, charged: { accountId: string; real: boolean }): Promise<never> {
  await update({
    TableName: TABLE(),
    Key: sourceKey(request.sourceIp),
    UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
    ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':one': 1, ':ttl': epochSeconds() + 7200 },
  });
  await countFailure(charged.accountId); // a decoy ID names no account: the conditional update writes nothing
  const trace = auditWrite({ accountId: charged.accountId, traceName: 'loginFailed', request, result: 'failure' }).Put!;
  if (charged.real) await put(trace);
  else await put({ ...trace, ConditionExpression: 'attribute_exists(pk)' }).catch(ignoreConditionFailed);
  throw new InvalidCredentials();
}

const ignoreConditionFailed = (error: unknown) => {
  if (!(error instanceof ConditionFailed)) throw error;
};

/** R-LI-06, R-CL-14: the answer to a proven password of a HUAWEI ID whose cloud services are disabled. */
const servicesDisabled = () =>
  new RuleViolation(
    'SERVICES_DISABLED',
    'The cloud services of this HUAWEI ID are disabled and cannot be used again. The only action offered is to delete the HUAWEI ID (POST /v1/huawei-id/deletions).',
    [{ condition: 'services-disabled', message: 'Delete the HUAWEI ID with its password and a delete-huawei-id code, or keep it for other Huawei services.' }],
  );

/** Issues a session: failures reset, audit written, optional trusted device, all in one transaction. */
async function completeSignIn(account: AccountItem, request: RequestInfo, extra: TransactItem[], trustDevice: boolean) {
  const session = newSession(account.accountId, account.sessionEpoch);
  const device = trustDevice ? newTrustedDevice(account.accountId, account.sessionEpoch) : undefined;
  await transact(
    [
      ...extra,
      session.write,
      ...(device ? [device.write] : []),
      {
        Update: {
          TableName: TABLE(),
          Key: keys.account(account.accountId),
          UpdateExpression: 'SET failedAttempts = :zero',
          ConditionExpression: '#status <> :disabled AND sessionEpoch = :epoch',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':disabled': 'disabled', ':epoch': account.sessionEpoch },
        },
      },
      auditWrite({ accountId: account.accountId, traceName: 'login', request, result: 'success' }),
    ],
    () => new InvalidCode('This sign-in attempt has ended; start again.'),
  );
  return { token: session.token, expiresAt: session.expiresAt, ...(device ? { deviceToken: device.token } : {}) };
}

export type LoginAnswer =
  | { status: 200; body: { challengeId: string; channels: Array<{ channel: Channel; destinationMasked: string }> } }
  | { status: 201; body: { token: string; expiresAt: string } };

export async function startLogin(input: { identifier: string; password: string; deviceToken?: string }, request: RequestInfo): Promise<LoginAnswer> {
  await throttleSource(request);
  const decoy = { accountId: decoyAccountId(input.identifier), real: false };
  const account = await resolveIdentifierEvenly(input.identifier, decoy.accountId);
  if (!account) {
    await verifyAgainstDummy(input.password);
    return recordFailure(request, decoy);
  }
  // R-SEC-01: a locked account answers exactly like a wrong password, so the lock is no password oracle;
  // its owner was told by email when it locked and unlocks it with a password reset by code.
  // R-LI-04: inside an account's back-off the password is not even compared (same answer, same work).
  if (isThrottled(account.failedAttempts, account.lastFailedAt as string | undefined, now())) {
    await verifyAgainstDummy(input.password);
    return recordFailure(request, decoy);
  }
  const passwordOk = await verifyPassword(input.password, account.passwordHash);
  if (!passwordOk || isLocked(account)) return recordFailure(request, { accountId: account.accountId, real: true });
  // R-LI-06, R-CL-13: the HUAWEI ID outlives its cloud services; once its password is proven, say so.
  if (account.status === 'disabled') throw servicesDisabled();
  if (await isTrustedDevice(input.deviceToken, account)) {
    return { status: 201, body: await completeSignIn(account, request, [], false) };
  }
  const at = now();
  const challengeId = newId('lg_');
  const expiresAt = addSeconds(at, config.sessions.loginChallengeTtlSeconds).toISOString();
  await put({
    TableName: TABLE(),
    Item: {
      ...keys.challenge(challengeId),
      challengeId,
      purpose: 'login',
      accountId: account.accountId,
      attempts: 0,
      expiresAt,
      // The sign-in attempt ends at this time whatever codes are re-sent, and only for this password.
      loginExpiresAt: expiresAt,
      epoch: account.sessionEpoch,
      createdAt: at.toISOString(),
      ttl: epochSeconds(at) + 86_400,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
  const channels = channelsOf(account).map((channel) => ({ channel, destinationMasked: maskDestination(channel, contactFor(account, channel)!) }));
  return { status: 200, body: { challengeId, channels } };
}

const attemptEnded = () => new InvalidCode('This sign-in attempt has ended; start again.');

/**
 * R-LI-06, R-LI-08: a sign-in attempt ends when the account can no longer sign in with the password that
 * opened it: cloud services disabled, password changed or reset (a new session epoch), or sign-in locked.
 */
function checkAttemptLive(challenge: ChallengeItem, account: AccountItem): void {
  if (account.status === 'disabled' || challenge.epoch !== account.sessionEpoch || isLocked(account)) throw attemptEnded();
}

async function openLoginChallenge(challengeId: string): Promise<ChallengeItem> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.challenge(challengeId), ConsistentRead: true }));
  const challenge = Item as ChallengeItem | undefined;
  if (!challenge || challenge.purpose !== 'login' || challenge.usedAt || !challenge.accountId || String(challenge.loginExpiresAt) <= now().toISOString()) {
    throw attemptEnded();
  }
  return challenge;
}

/** Issue 9 item 17: one sign-in attempt sends at most `maxCodeSendsPerLogin` codes; then it starts again. */
function checkSendsLeft(challenge: ChallengeItem): void {
  if (Number(challenge.codeSends ?? 0) >= config.sessions.maxCodeSendsPerLogin) {
    throw new RuleViolation('CODE_SENDS_EXHAUSTED', `This sign-in attempt has sent its ${config.sessions.maxCodeSendsPerLogin} codes.`, [
      { condition: 'code-sends-exhausted', message: 'Use a code already sent, or sign in again with your password.' },
    ]);
  }
}

export async function sendLoginCode(challengeId: string, channel: Channel, request: RequestInfo) {
  const challenge = await openLoginChallenge(challengeId);
  const account = await getAccount(challenge.accountId!);
  if (!account) throw attemptEnded();
  checkAttemptLive(challenge, account);
  checkSendsLeft(challenge);
  const destination = contactFor(account, channel);
  if (!destination) {
    throw new RuleViolation('CHANNEL_UNAVAILABLE', `No ${channel === 'sms' ? 'mobile number' : 'email address'} is bound to this account.`, [
      { condition: 'channel-unavailable', message: 'Choose another channel.' },
    ]);
  }
  const sent = await sendCode({
    purpose: 'login',
    channel,
    destination,
    accountId: account.accountId,
    challengeId,
    maxSends: config.sessions.maxCodeSendsPerLogin,
    sourceIp: request.sourceIp,
    language: account.preferences.messageLanguage,
  }).catch(async (error: unknown) => {
    // A parallel send may have taken the last one: say so rather than "ended".
    if (error instanceof InvalidCode) checkSendsLeft(await openLoginChallenge(challengeId));
    throw error;
  });
  return { destinationMasked: maskDestination(channel, destination), expiresAt: sent.expiresAt, resendAfter: sent.resendAfter };
}

export async function verifyLogin(challengeId: string, input: { code: string; trustDevice?: boolean }, request: RequestInfo) {
  let checked;
  try {
    checked = await checkCode({ challengeId, code: input.code, purpose: 'login' });
  } catch (error) {
    // The failed code was counted toward the account's lock by checkCode (R-SEC-01); here it is audited.
    if (error instanceof InvalidCode) {
      const challenge = await openLoginChallenge(challengeId).catch(() => undefined);
      if (challenge?.accountId) await audit({ accountId: challenge.accountId, traceName: 'loginFailed', request, result: 'failure' });
    }
    throw error;
  }
  const account = await getAccount(checked.challenge.accountId!);
  if (!account || String(checked.challenge.loginExpiresAt) <= now().toISOString()) throw attemptEnded();
  checkAttemptLive(checked.challenge, account);
  return completeSignIn(account, request, [checked.consume], input.trustDevice ?? false);
}

export async function logout(session: { accountId: string; sessionKey: string }, request: RequestInfo): Promise<void> {
  await transact([
    { Delete: { TableName: TABLE(), Key: keys.session(session.sessionKey) } },
    auditWrite({ accountId: session.accountId, traceName: 'logout', request, result: 'success' }),
  ]);
}
