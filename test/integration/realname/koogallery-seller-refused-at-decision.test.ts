/**
 * Review R2 (issue 13 items 2 and 7, R-RA-03): changing the enterprise entity is "refused for KooGallery sellers".
 * submitReauthentication.ts judges (and holds) the standing only until the submission commits; the decision
 * (decision-rules.ts, decideRealNameApplication.ts) reads no standing at all. An account that becomes a KooGallery
 * seller while its entity change waits for review gets the entity change approved.
 */
import { describe, expect, it } from 'vitest';
import { loadApplication, realNameState } from '../../../lib/realname/store.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { authenticatedAs, decideApplication, enterpriseApplication, reauthMaterialsFor, reauthenticate } from '../../support/realname.js';

describe('R-RA-03 judged again at the decision (issue 13 review R2 item 3)', () => {
  it('R-RA-03: an entity change of an account that is a KooGallery seller at the decision is not approved', async () => {
    const account = await activeAccount();
    const before = await authenticatedAs(account.accountId, 'enterprise');
    const { materials, applicationForm } = await reauthMaterialsFor(account, 'enterprise-entity');
    const submitted = await reauthenticate(account, {
      ...enterpriseApplication({ enterpriseName: 'New Entity AG' }),
      kind: 'enterprise-entity',
      materials,
      applicationForm,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    await putStanding(account.accountId, { kooGallerySeller: true });
    const decided = await decideApplication(submitted.body.applicationId as string, { approve: true });

    const current = (await realNameState(account.accountId)).current;
    expect(
      { status: decided.status, enterpriseName: (current?.details as { enterpriseName?: string } | undefined)?.enterpriseName },
      JSON.stringify(decided.body),
    ).not.toEqual({ status: 200, enterpriseName: 'New Entity AG' });
    expect((current?.details as { enterpriseName?: string } | undefined)?.enterpriseName).toBe(before.name);
    expect(decided.status).toBe(422);
    expect(decided.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['koogallery-seller']);
    expect((await loadApplication(submitted.body.applicationId as string))?.status).toBe('pending');
  });

  it('R-RA-05: arrears incurred while an entity change waits do not stop its approval (the new entity takes the bills over)', async () => {
    const account = await activeAccount();
    await authenticatedAs(account.accountId, 'enterprise');
    const { materials, applicationForm } = await reauthMaterialsFor(account, 'enterprise-entity');
    const submitted = await reauthenticate(account, {
      ...enterpriseApplication({ enterpriseName: 'Later Arrears AG' }),
      kind: 'enterprise-entity',
      materials,
      applicationForm,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    await putStanding(account.accountId, { overduePayments: true });
    const decided = await decideApplication(submitted.body.applicationId as string, { approve: true });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
});
