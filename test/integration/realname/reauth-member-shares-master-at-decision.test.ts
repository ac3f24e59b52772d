/**
 * Review R3 (R-RA-06, seed 003 §4.5.1): "when both authenticated with the same enterprise information, only the
 * master can [re-authenticate], and the result syncs to the member". submitReauthentication.ts judges
 * `sharesMasterAuthentication` only at the submission; approvalFailures (decision-rules.ts) re-judges the open
 * invitation and the KooGallery standing, not this. Accepting an enterprise invitation knows nothing of a pending
 * real-name application, so an account can submit a name change, then join a master authenticated with the same
 * registration number, and the operator's approval still changes the member's authentication on its own.
 */
import { describe, expect, it } from 'vitest';
import { realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { authenticatedAs, decideApplication, enterpriseApplication, reauthMaterialsFor, reauthenticate } from '../../support/realname.js';

describe('R-RA-06 member sharing its master’s authentication, judged at the decision', () => {
  it('R-RA-06: a name change submitted before joining the master is not approved once the member shares the master’s authentication', async () => {
    const master = await enabledMaster();
    const shared = await authenticatedAs(master.accountId, 'enterprise');
    const future = await activeAccount();
    await authenticatedAs(future.accountId, 'enterprise', { number: shared.number, name: shared.name });

    // Not a member yet: its own name change is allowed and goes pending.
    const { materials, applicationForm } = await reauthMaterialsFor(future, 'enterprise-name');
    const submitted = await reauthenticate(future, {
      ...enterpriseApplication({ enterpriseName: 'Member Alone GmbH' }),
      kind: 'enterprise-name',
      registrationNumber: shared.number,
      materials,
      applicationForm,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    // It joins the master (same registration number): from now on only the master can re-authenticate.
    await acceptedMember(master, { account: future });

    const decided = await decideApplication(submitted.body.applicationId as string, { approve: true });
    const current = (await realNameState(future.accountId)).current?.details as { enterpriseName?: string } | undefined;
    expect(
      decided.status === 200 && current?.enterpriseName === 'Member Alone GmbH',
      `decision ${decided.status} ${JSON.stringify(decided.body)}; member name now ${current?.enterpriseName}`,
    ).toBe(false);
  });
});
