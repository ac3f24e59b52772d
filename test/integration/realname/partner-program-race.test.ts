/**
 * Review R1 (issue 13 item 1, R-RN-05; the "KNOWN gap" of i13-base): the partner-program fact is read before the
 * submission transaction and nothing in the transaction holds it, so an account that joins a partner program while its
 * individual application is being submitted ends up with a pending INDIVIDUAL application as a partner-program account.
 * Forced deterministically: the facts are read, then the account joins, then the submission commits.
 */
import { describe, expect, it, vi } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import type { AccountCaller } from '../../../lib/core/caller.js';
import { partnerProgramSet } from '../../../lib/core/checks/store.js';
import { transact } from '../../../lib/core/store/writes.js';
import { type SubmitInput, submitRealNameApplication } from '../../../lib/realname/submitRealNameApplication.js';
import { activeAccount } from '../../support/closure.js';
import { individualApplication, materialsFor } from '../../support/realname.js';

const hooks = vi.hoisted(() => ({ afterFactsRead: undefined as undefined | ((accountId: string) => Promise<void>) }));

vi.mock('../../../lib/core/checks/store.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../lib/core/checks/store.js')>();
  return {
    ...orig,
    loadFacts: async (accountId: string) => {
      const facts = await orig.loadFacts(accountId);
      const hook = hooks.afterFactsRead;
      hooks.afterFactsRead = undefined;
      if (hook) await hook(accountId);
      return facts;
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

describe('partner program joined during a submission', () => {
  it('R-RN-05: an account joining a partner program while its individual application is submitted never gets it pending (issue 13 item 1)', async () => {
    const account = await activeAccount();
    const input = individualApplication({ materials: await materialsFor(account, 'individual') }) as unknown as SubmitInput;
    hooks.afterFactsRead = async (accountId) => {
      await transact([partnerProgramSet(accountId)]);
    };
    const outcome = await submitRealNameApplication(accountCaller(account.accountId), input).then(
      () => 'accepted',
      (error: { code?: string }) => error.code ?? 'error',
    );
    expect(outcome).toBe('NOT_ALLOWED');
    expect((await findAccount(account.accountId))!.realNamePending).toBeUndefined();
  });
});
