/**
 * Issue 13 item 3: GET /v1/real-name (R-RN-03, R-RA-05): none → pending with its due date → authenticated with the
 * approved data (last 4 only, never hashes), and the last decision without the operator. The decision is another
 * item's work: the state item is written here as the decision will write it.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import type { RealNameState } from '../../../lib/realname/model.js';
import { loadApplication } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { applied, realName } from '../../support/realname.js';

async function putState(state: RealNameState) {
  await db().send(new PutCommand({ TableName: TABLE(), Item: { ...keys.realNameState(state.accountId), ...state } }));
}

describe('getRealName (issue 13 item 3)', () => {
  it('R-RN-03: a new account shows none; after applying, pending with the application and its due date', async () => {
    const account = await activeAccount();
    expect((await realName(account)).body).toEqual({ authStatus: 'none' });
    const { applicationId, reviewDueBy } = await applied(account, 'enterprise');
    const view = await realName(account);
    expect(view.body.authStatus).toBe('pending');
    expect(view.body.pendingApplication).toMatchObject({
      applicationId,
      kind: 'enterprise',
      status: 'pending',
      reviewDueBy,
      overdue: false,
    });
    expect(view.body.current).toBeUndefined();
  });

  it('R-RA-05: the approved authentication is shown (last 4, no hashes) even while another application is pending; the last decision names slots, never the operator', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'individual');
    const app = (await loadApplication(applicationId))!;
    await putState({
      accountId: account.accountId,
      version: 1,
      current: {
        kind: 'individual',
        details: app.details,
        applicationId: 'ra_older',
        approvedAt: '2026-11-01T00:00:00.000Z',
        submittedAt: '2026-10-30T00:00:00.000Z',
      },
      lastDecision: {
        applicationId,
        kind: 'individual',
        status: 'rejected',
        operatorId: 'op-secret-7',
        at: '2026-11-02T00:00:00.000Z',
        reasons: [{ code: 'document-unreadable', materialId: app.materials.holdingPhoto, note: 'blurred' }],
      },
    });
    const view = await realName(account);
    expect(view.status).toBe(200);
    expect(view.body.authStatus).toBe('authenticated');
    expect(view.body.current).toEqual({
      kind: 'individual',
      certificateType: 'passport',
      fullName: 'Li Lei',
      issuingCountry: 'DE',
      certificateNumberLast4: (app.details as { certificateNumberLast4: string }).certificateNumberLast4,
      approvedAt: '2026-11-01T00:00:00.000Z',
    });
    expect(view.body.lastDecision).toEqual({
      applicationId,
      kind: 'individual',
      status: 'rejected',
      at: '2026-11-02T00:00:00.000Z',
      reasons: [{ code: 'document-unreadable', materialId: app.materials.holdingPhoto, slot: 'holdingPhoto', note: 'blurred' }],
    });
    const text = JSON.stringify(view.body);
    expect(text).not.toContain('op-secret-7');
    expect(text).not.toContain('Hash');
  });
});
