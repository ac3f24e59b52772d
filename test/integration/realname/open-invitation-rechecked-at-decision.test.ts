/**
 * Review R2 (issue 13 items 2 and 7, R-RA-06, seed 003 §4.5.1): "If the master account has invited another account
 * for association but the invitation has not been accepted, neither account can be re-authenticated." The rule is
 * judged only when the re-authentication is submitted (enterprise-ties.ts, read outside the transaction and not
 * held); the master may invite right after submitting (the invitation route knows nothing of real-name), and the
 * decision (decision-rules.ts) does not look again: the master is re-authenticated while its invitation is open.
 */
import { describe, expect, it } from 'vitest';
import { REAUTH_SPECS } from '../../../lib/realname/reauth-rules.js';
import { loadApplication, realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { enabledMaster, invite } from '../../support/enterprise.js';
import { authenticatedAs, decideApplication, enterpriseApplication, reauthMaterialsFor, reauthenticate } from '../../support/realname.js';

describe('R-RA-06 judged again at the decision (issue 13 review R2 item 2)', () => {
  it('R-RA-06: a master whose invitation is unaccepted is not re-authenticated (invitation refused or approval refused)', async () => {
    const master = await enabledMaster();
    const auth = await authenticatedAs(master.accountId, 'enterprise');
    const { materials, applicationForm } = await reauthMaterialsFor(master, 'enterprise-name');
    expect(REAUTH_SPECS['enterprise-name'].rule).toBe('R-RA-04');
    const submitted = await reauthenticate(master, {
      ...enterpriseApplication({ enterpriseName: 'Renamed Example GmbH' }),
      kind: 'enterprise-name',
      registrationNumber: auth.number,
      materials,
      applicationForm,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    // The master invites another account while its re-authentication is pending; the invitee does not answer.
    const invitee = await activeAccount();
    const sent = await invite(master, invitee);

    const decided = await decideApplication(submitted.body.applicationId as string, { approve: true });
    const current = (await realNameState(master.accountId)).current;
    const reauthenticatedWhileInvitationOpen =
      sent.status === 201 &&
      decided.status === 200 &&
      (current?.details as { enterpriseName?: string } | undefined)?.enterpriseName === 'Renamed Example GmbH';
    expect(reauthenticatedWhileInvitationOpen, `invite ${sent.status}, decision ${decided.status} ${JSON.stringify(decided.body)}`).toBe(
      false,
    );
    expect(decided.status).toBe(422);
    expect(decided.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['enterprise-invitation-open']);
    expect((await loadApplication(submitted.body.applicationId as string))?.status).toBe('pending');
  });
});
