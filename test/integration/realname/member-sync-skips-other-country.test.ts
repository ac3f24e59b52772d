/**
 * Review R2 (issue 13 item 7, R-RN-06 with R-RN-07): the certificate's (enterprise's registered) country must equal
 * the account's registration country, and the country specified at sign-up never changes (seed 003 §4.3.3).
 * Enterprise Center associates accounts of any country, and member-sync.ts synchronizes a member per Table 4-1 on
 * the enterprise NAMES only: a member registered in France is made authenticated with the master's enterprise
 * registered in Germany — an authentication the member could never have obtained itself (422 country-mismatch).
 */
import { describe, expect, it } from 'vitest';
import { handler as signUpHandler } from '../../../functions/accounts/signUp.js';
import { handler as enableHandler } from '../../../functions/accounts/enableServices.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { newId } from '../../../lib/core/crypto.js';
import { realNameState } from '../../../lib/realname/store.js';
import { acceptedMember, enabledMaster, setAccountType } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, verificationFor } from '../../support/identity.js';
import { approve, firmDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

/** An active account registered in `countryRegion`. */
async function activeAccountIn(countryRegion: string) {
  const email = `r2-${newId().slice(-10).toLowerCase()}@example.com`;
  const verification = await verificationFor('signup', 'email', email, { destination: email });
  const res = await invoke(signUpHandler, {
    method: 'POST',
    path: '/v1/accounts',
    body: { countryRegion, email, password: PASSWORD, verification },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const account = { email, password: PASSWORD, accountId: res.body.accountId as string, token: res.body.session.token as string };
  const enabled = await invoke(enableHandler, {
    method: 'POST',
    path: '/v1/account/enable',
    headers: bearer(account.token),
    body: { acceptAgreements: true },
  });
  expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
  return account;
}

describe('R-RN-06 in the master→member synchronization (issue 13 review R2 item 4)', () => {
  it('R-RN-06 R-RN-07: a member registered in another country is not given the master’s enterprise authentication of a German enterprise', async () => {
    const name = `Alpha ${newId().slice(-6)} GmbH`;
    const master = await enabledMaster({ enterpriseName: name }); // registered in DE
    const foreign = await activeAccountIn('FR');
    expect((await setAccountType(foreign, 'enterprise', name)).status).toBe(200);
    const { member } = await acceptedMember(master, { account: foreign });
    // Same scenario, a member registered in DE (the enterprise's country): synchronized (Table 4-1 case 1).
    const local = await activeAccountIn('DE');
    expect((await setAccountType(local, 'enterprise', name)).status).toBe(200);
    await acceptedMember(master, { account: local });

    const firm = firmDetails(uniqueNumber('HRB'), name); // registered in DE, like the master
    await approve((await storedApplication(master.accountId, 'enterprise', firm)).applicationId);

    const memberAccount = (await findAccount(member.accountId))!;
    expect(memberAccount.countryRegion).toBe('FR');
    const current = (await realNameState(member.accountId)).current;
    // R-RN-06: whatever the member is authenticated with must be of its own country.
    expect((current?.details as { countryRegion?: string } | undefined)?.countryRegion ?? 'FR').toBe('FR');
    expect(current).toBeUndefined();
    expect(memberAccount.authStatus).toBe('unauthenticated');
    expect((await realNameState(local.accountId)).current?.details).toEqual(firm);
  });
});
