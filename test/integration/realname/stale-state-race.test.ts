/**
 * Review R1 (issue 13 item 1, R-RA-05 / R-AI-05 / R-AI-06): `submitRealNameApplication` judges "already
 * authenticated" on the REALNAME state item (`current`), but that item is read outside the transaction and nothing in
 * the transaction holds it (the account update is conditioned on accountType/authStatus/countryRegion only). When the
 * decision approving the account's pending application lands between the two reads (state read first, account read
 * after), a FIRST-authentication application is committed on an authenticated account and `authStatus` is moved from
 * `authenticated` back to `pending` (a later withdrawal even sets it `unauthenticated`, which re-opens the R-AI-05/06
 * edits of an authenticated account). The same stale read lets a material refused by a rejection landing in that window
 * (`rejectedMaterialIds`) through.
 *
 * The interleaving is forced deterministically: the state read returns, then the approval commits, then the account is
 * read.
 */
import { describe, expect, it, vi } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import type { AccountCaller } from '../../../lib/core/caller.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE } from '../../../lib/core/store/table.js';
import { transact } from '../../../lib/core/store/writes.js';
import { loadApplication } from '../../../lib/realname/store.js';
import { type SubmitInput, submitRealNameApplication } from '../../../lib/realname/submitRealNameApplication.js';
import { activeAccount } from '../../support/closure.js';
import { applied, enterpriseApplication, materialsFor } from '../../support/realname.js';

const hooks = vi.hoisted(() => ({
  afterStateRead: undefined as undefined | ((accountId: string) => Promise<void>),
  beforeAccountRead: undefined as undefined | Promise<void>,
}));

vi.mock('../../../lib/realname/store.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../lib/realname/store.js')>();
  return {
    ...orig,
    realNameState: async (accountId: string) => {
      const state = await orig.realNameState(accountId);
      const hook = hooks.afterStateRead;
      hooks.afterStateRead = undefined;
      if (hook) await hook(accountId);
      return state;
    },
  };
});

vi.mock('../../../lib/accounts/store.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../lib/accounts/store.js')>();
  return {
    ...orig,
    loadAccount: async (accountId: string) => {
      const gate = hooks.beforeAccountRead;
      hooks.beforeAccountRead = undefined;
      if (gate) await gate;
      return orig.loadAccount(accountId);
    },
  };
});

const accountCaller = (accountId: string): AccountCaller => ({
  kind: 'account',
  accountId,
  sessionKey: 'test',
  status: 'active',
  origin: { requestId: 'test', sourceIp: '198.51.100.1', userAgent: 'vitest' },
});

/** What the operator's approval of `applicationId` commits (I13.md item 7), in one transaction. */
async function approve(accountId: string, applicationId: string) {
  const app = (await loadApplication(applicationId))!;
  await transact([
    {
      Update: {
        TableName: TABLE(),
        Key: keys.realNameApplication(applicationId),
        UpdateExpression: 'SET #s = :approved',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved' },
      },
    },
    {
      Update: {
        TableName: TABLE(),
        Key: keys.account(accountId),
        UpdateExpression: 'SET authStatus = :auth, accountType = :type, fullName = :name REMOVE realNamePending',
        ExpressionAttributeValues: { ':auth': 'authenticated', ':type': 'individual', ':name': 'Li Lei' },
      },
    },
    {
      Update: {
        TableName: TABLE(),
        Key: keys.realNameState(accountId),
        UpdateExpression: 'SET accountId = :id, #current = :current, version = :one',
        ExpressionAttributeNames: { '#current': 'current' },
        ExpressionAttributeValues: {
          ':id': accountId,
          ':one': 1,
          ':current': {
            kind: 'individual',
            details: app.details,
            applicationId,
            approvedAt: app.submittedAt,
            submittedAt: app.submittedAt,
          },
        },
      },
    },
  ]);
}

describe('stale real-name state at submission', () => {
  it('R-RA-05/R-AI-05: an approval landing during a submission never lets a first authentication through on an authenticated account (issue 13 item 1)', async () => {
    const account = await activeAccount();
    const first = await applied(account, 'individual');
    const materials = await materialsFor(account, 'enterprise');
    const input = enterpriseApplication({ materials }) as unknown as SubmitInput;

    let open!: () => void;
    hooks.beforeAccountRead = new Promise<void>((resolve) => {
      open = resolve;
    });
    hooks.afterStateRead = async (accountId) => {
      await approve(accountId, first.applicationId);
      open();
    };

    const outcome = await submitRealNameApplication(accountCaller(account.accountId), input).then(
      (ok) => ({ ok }),
      (error: { code?: string; details?: { failures?: Array<{ condition: string }> } }) => ({ error }),
    );
    const after = (await findAccount(account.accountId))!;
    // The account is authenticated: it stays so, and a first authentication is refused (use re-authentication).
    expect(after.authStatus).toBe('authenticated');
    expect(after.realNamePending).toBeUndefined();
    expect('error' in outcome ? outcome.error.code : 'accepted').toBe('NOT_ALLOWED');
  });
});
