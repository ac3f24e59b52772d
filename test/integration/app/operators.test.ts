/**
 * Operators (issue 9 item 9): keys have IDs (OPERATOR_KEYS maps an operator ID to the SHA-256 of its
 * key), every operator action is audited on the target account with the operator's ID, and a closure
 * hold can be lifted (R-CL-12), after which the overdue 90-day timer disables at the next scheduler run.
 */
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';

// This file's own operators (read by lib/core/config.ts when it is first imported).
vi.hoisted(() => {
  const { createHash: hash } = process.getBuiltinModule('node:crypto');
  const sha = (key: string) => hash('sha256').update(key).digest('hex');
  process.env.OPERATOR_KEYS = JSON.stringify({ alice: sha('alice-key-0123456789'), bob: sha('bob-key-0123456789') });
});

import { handler as holdHandler } from '../../../functions/closure/holdClosure.js';
import { handler as liftHandler } from '../../../functions/closure/liftClosureHold.js';
import { handler as paymentHandler } from '../../../functions/accounts/recordPaymentMethod.js';
import { handler as standingHandler } from '../../../functions/closure/putStanding.js';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { operatorKeysFrom } from '../../../lib/core/config.js';
import { runScheduler } from '../../../lib/app/scheduler.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { closedAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { signUp } from '../../support/identity.js';

afterEach(() => setClockOffset(0));

const DAY = 86_400_000;
const ALICE = { 'x-operator-key': 'alice-key-0123456789' };
const BOB = { 'x-operator-key': 'bob-key-0123456789' };
const sha = (key: string) => createHash('sha256').update(key).digest('hex');

const standing = async (accountId: string, headers: Record<string, string>, body: object = { activeOrders: false }) =>
  invoke(standingHandler, { method: 'PUT', path: `/v1/ops/accounts/${accountId}/standing`, pathParameters: { accountId }, headers, body });
const hold = async (accountId: string, headers: Record<string, string>) =>
  invoke(holdHandler, {
    method: 'POST',
    path: `/v1/ops/accounts/${accountId}/closure-hold`,
    pathParameters: { accountId },
    headers,
    body: { reason: 'litigation' },
  });
const lift = async (accountId: string, headers: Record<string, string>) =>
  invoke(liftHandler, { method: 'DELETE', path: `/v1/ops/accounts/${accountId}/closure-hold`, pathParameters: { accountId }, headers });
const payment = (accountId: string, headers: Record<string, string>) =>
  invoke(paymentHandler, {
    method: 'PUT',
    path: `/v1/ops/accounts/${accountId}/payment-method`,
    pathParameters: { accountId },
    headers,
    body: { status: 'bound' },
  });

async function traces(accountId: string) {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(accountId) },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((i) => ({ traceName: i.traceName, actor: i.actor, result: i.result }));
}
const status = async (accountId: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(accountId), ConsistentRead: true }))).Item?.status;

describe('operator keys have IDs (issue 9 item 9)', () => {
  it.each([
    ['a JSON object of id → 64-hex SHA-256', JSON.stringify({ ops1: sha('k') }), { ops1: sha('k') }],
    ['upper-case hex is accepted as the same hash', JSON.stringify({ ops1: sha('k').toUpperCase() }), { ops1: sha('k') }],
  ])('OPERATOR_KEYS parses %s', (_name, raw, expected) => {
    expect(operatorKeysFrom(raw)).toEqual(expected);
  });

  it.each([
    ['not JSON', '{ops1:'],
    ['an array', '[]'],
    ['a hash that is not 64 hex characters', JSON.stringify({ ops1: 'abc' })],
    ['an empty operator ID', JSON.stringify({ '': sha('k') })],
    ['a plain key instead of its hash', JSON.stringify({ ops1: 'local-operator-key' })],
    [
      'two operators with the same key hash (issue 9 item 9: audit would name the wrong one)',
      JSON.stringify({ ops1: sha('k'), ops2: sha('k') }),
    ],
    ['two operators whose hashes differ only in case', JSON.stringify({ ops1: sha('k'), ops2: sha('k').toUpperCase() })],
    ['the SHA-256 of the empty key (issue 9 item 9)', JSON.stringify({ ops1: sha('') })],
  ])('OPERATOR_KEYS refuses %s (fails closed at cold start)', (_name, raw) => {
    expect(() => operatorKeysFrom(raw)).toThrow(/OPERATOR_KEYS/);
  });

  it('without OPERATOR_KEYS, the local stage knows only `local-operator-key` as operator `local`; other stages none', () => {
    expect(operatorKeysFrom(undefined, 'local-operator-key')).toEqual({ local: sha('local-operator-key') });
    expect(operatorKeysFrom(undefined)).toEqual({});
  });

  it('each configured key is accepted; a wrong key, a hash of a key, an empty key are 401', async () => {
    const account = await signUp();
    expect((await payment(account.accountId, ALICE)).status).toBe(200);
    expect((await payment(account.accountId, BOB)).status).toBe(200);
    for (const key of ['wrong-key', sha('alice-key-0123456789'), '', 'test-operator-key']) {
      const res = await payment(account.accountId, { 'x-operator-key': key });
      expect(res.status, key).toBe(401);
    }
  });
});

describe('every operator action is audited with the operator ID (issue 9 item 9, R-AU-02, R-CL-12)', () => {
  it('standing, payment method, hold and lift each leave a trace on the target account whose actor is the operator', async () => {
    const account = await closedAccount();
    expect((await standing(account.accountId, ALICE)).status).toBe(200);
    expect((await payment(account.accountId, BOB)).status).toBe(200);
    expect((await hold(account.accountId, ALICE)).status).toBe(200);
    expect((await lift(account.accountId, BOB)).status).toBe(200);
    const ops = (await traces(account.accountId)).filter((t) => t.actor?.startsWith('operator:'));
    expect(ops).toEqual(
      expect.arrayContaining([
        { traceName: 'putStanding', actor: 'operator:alice', result: 'success' },
        { traceName: 'recordPaymentMethod', actor: 'operator:bob', result: 'success' },
        { traceName: 'holdClosure', actor: 'operator:alice', result: 'success' },
        { traceName: 'liftClosureHold', actor: 'operator:bob', result: 'success' },
      ]),
    );
    expect(ops).toHaveLength(4);
  });
});

describe('lifting a closure hold (R-CL-12, issue 9 item 9)', () => {
  it('R-CL-12 after the hold is lifted, the overdue 90-day timer disables the account at the next scheduler run', async () => {
    const account = await closedAccount();
    expect((await hold(account.accountId, ALICE)).status).toBe(200);
    setClockOffset(91 * DAY);
    await runScheduler();
    expect(await status(account.accountId)).toBe('closed');
    const lifted = await lift(account.accountId, ALICE);
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect(lifted.body).toMatchObject({ held: false });
    await runScheduler();
    expect(await status(account.accountId)).toBe('disabled');
  });

  it('R-CL-12 a lift that lands while the scheduler holds the due 90-day timer of a held account is not undone by its re-arm (issue 9 item 9)', async () => {
    const account = await closedAccount();
    expect((await hold(account.accountId, ALICE)).status).toBe(200);
    setClockOffset(91 * DAY);
    const timerSk = keys.timer(account.accountId, 'closure-90d').sk;
    // The interleaving: the scheduler has claimed the timer and read the account as held; just before it
    // re-arms the timer a day later, the operator's lift puts the timer due now.
    let lifted: Awaited<ReturnType<typeof lift>> | undefined;
    const interleave = 'interleave-lift-before-rearm';
    db().middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Key?: { sk?: string }; UpdateExpression?: string };
        if (!lifted && input.Key?.sk === timerSk && input.UpdateExpression?.includes('duePk = :pk'))
          lifted = await lift(account.accountId, ALICE);
        return next(args);
      },
      { step: 'initialize', name: interleave },
    );
    try {
      await runScheduler();
    } finally {
      db().middlewareStack.remove(interleave);
    }
    expect(lifted?.status, JSON.stringify(lifted?.body)).toBe(200);
    expect(await status(account.accountId)).toBe('closed');
    await runScheduler();
    expect(await status(account.accountId)).toBe('disabled');
  });

  it('R-CL-12 lifting before the 90 days leaves the timer at its own time', async () => {
    const account = await closedAccount();
    expect((await hold(account.accountId, ALICE)).status).toBe(200);
    expect((await lift(account.accountId, ALICE)).status).toBe(200);
    setClockOffset(30 * DAY);
    await runScheduler();
    expect(await status(account.accountId)).toBe('closed');
    setClockOffset(91 * DAY);
    await runScheduler();
    expect(await status(account.accountId)).toBe('disabled');
  });

  it('R-CL-12 lifting needs a held account: not held 422 NOT_ALLOWED, unknown 404, no key 401', async () => {
    const account = await closedAccount();
    const notHeld = await lift(account.accountId, ALICE);
    expect(notHeld.status).toBe(422);
    expect(notHeld.body.code).toBe('NOT_ALLOWED');
    expect((await lift('ac_unknown', ALICE)).status).toBe(404);
    expect((await lift(account.accountId, {})).status).toBe(401);
  });
});

describe('customers see that an operator acted, never which one (issue 9 item 9, R-AU-03)', () => {
  it('GET /v1/audit/traces shows an operator action with actor "operator"; the stored trace keeps the operator ID', async () => {
    const account = await signUp();
    expect((await standing(account.accountId, ALICE)).status).toBe(200);
    const res = await invoke(tracesHandler, {
      method: 'GET',
      path: '/v1/audit/traces',
      headers: { authorization: `Bearer ${account.token}` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const seen = (res.body.items as Array<{ traceName: string; actor: string }>).find((t) => t.traceName === 'putStanding');
    expect(seen?.actor).toBe('operator');
    expect(JSON.stringify(res.body)).not.toContain('alice');
    expect(await traces(account.accountId)).toContainEqual({ traceName: 'putStanding', actor: 'operator:alice', result: 'success' });
  });
});
