/**
 * Issue 12 review item 3 (R-MM-03): the acceptance holds to the invitee's standing as judged. The invitee is suspended
 * right after its facts were read for the judgement (loadFacts wrapped: the real read, then the operator's change on
 * DynamoDB Local); the commit fails on the standing's version, the invitee is judged again and refused by name.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMemberOf } from '../../../lib/enterprise/store.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { decide, enabledMaster, invite } from '../../support/enterprise.js';

const hook = vi.hoisted(() => ({ accountId: '', after: undefined as undefined | (() => Promise<void>) }));
vi.mock('../../../lib/core/checks/store.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/core/checks/store.js')>();
  return {
    ...real,
    loadFacts: async (accountId: string) => {
      const facts = await real.loadFacts(accountId);
      const after = hook.after;
      if (after && accountId === hook.accountId) {
        hook.after = undefined;
        await after();
      }
      return facts;
    },
  };
});
afterEach(() => {
  hook.after = undefined;
});

const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

describe('R-MM-03: a suspension recorded while the invitee accepts (issue 12 review item 3)', () => {
  it('R-MM-03: the invitee suspended after it was judged → the commit fails on its standing, it is judged again: 422 invitee-suspended, nothing associated', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const inv = await invite(master, invitee);
    expect(inv.status).toBe(201);
    hook.accountId = invitee.accountId;
    hook.after = () => putStanding(invitee.accountId, { suspended: true });
    const res = await decide(invitee, inv.body.invitationId as string);
    expect(hook.after).toBeUndefined();
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(conditions(res.body)).toEqual(['invitee-suspended']);
    expect(await loadMemberOf(invitee.accountId)).toBeUndefined();
  });
});
