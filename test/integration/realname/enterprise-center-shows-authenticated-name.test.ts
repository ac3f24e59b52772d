/**
 * Review R2 (issue 13 item 7, R-RN-03 with R-AI-06 / R-RA-04 / R-RA-05): once an enterprise authentication is approved
 * the account's enterprise name IS the authenticated one (names come from real-name authentication). The Enterprise
 * Center profile keeps its own copy of the name (taken at enable time, lib/enterprise/enableEnterpriseCenter.ts) and
 * the decision (decision-rules.ts / decideRealNameApplication.ts) never updates it: members see, and invitations are
 * sent in, the name the master had before its authentication (Table 4-1 case 2: A, authenticated as B).
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { newId } from '../../../lib/core/crypto.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { masterAccount } from '../../support/enterprise-views.js';
import { approve, firmDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

describe('The master’s authenticated enterprise name in Enterprise Center (issue 13 review R2 item 5)', () => {
  it('R-RN-03 R-AI-06: after the master is authenticated as B, its members see B, not the pre-authentication name A', async () => {
    const tag = newId().slice(-6);
    const master = await enabledMaster({ enterpriseName: `Alpha ${tag} GmbH` });
    const { member } = await acceptedMember(master);
    const approvedName = `Beta ${tag} GmbH`;
    await approve((await storedApplication(master.accountId, 'enterprise', firmDetails(uniqueNumber('HRB'), approvedName))).applicationId);
    expect((await findAccount(master.accountId))!.enterpriseName).toBe(approvedName);

    const view = await masterAccount(member);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.master.enterpriseName).toBe(approvedName);
  });
});
