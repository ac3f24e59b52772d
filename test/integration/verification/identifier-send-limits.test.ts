/**
 * R-SEC-03, R-VC-04, R-SEC-06 (issue 9 items 2 and 16): for the sessionless identifier purposes
 * (`password-reset`, `delete-huawei-id`) the visible answer (202 or 429, `resendAfter`) comes only from
 * the request itself (purpose, channel, identifier; source address). The real destination's and account's
 * limits still hold, silently: the answer stays 202, but nothing is delivered.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { config } from '../../../lib/core/config.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { invoke } from '../../support/http.js';
import { bearer, requestCode, setSecurityPhone, signUp, uniqueEmail, uniqueMobile } from '../../support/identity.js';

type Kind = 'email' | 'mobile' | 'loginId' | 'tenantName';
type Channel = 'email' | 'sms';
type Step = [Kind, Channel];

afterEach(() => setClockOffset(0));

/** A HUAWEI ID with every kind of identifier, and the contacts its codes go to. */
async function realIdentifiers(): Promise<Record<Kind, string>> {
  const account = await signUp();
  const mobile = await setSecurityPhone(account.token);
  const me = (await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) })).body;
  return { email: account.email, mobile, loginId: me.loginId, tenantName: me.tenantName };
}

const unknownIdentifiers = (): Record<Kind, string> => {
  const tag = randomBytes(4).toString('hex');
  return { email: uniqueEmail('nobody'), mobile: uniqueMobile(), loginId: `ghost${tag}`, tenantName: `Ghost${tag}` };
};

/** Each request from a fresh source address, one after the other inside the 60 s cooldown. */
async function statuses(purpose: string, identifiers: Record<Kind, string>, steps: Step[]): Promise<number[]> {
  const out: number[] = [];
  for (const [kind, channel] of steps) out.push((await requestCode({ purpose, channel, destination: identifiers[kind] })).status);
  return out;
}

const SEQUENCES: Array<[string, Step[]]> = [
  [
    'one login ID by SMS, then by email',
    [
      ['loginId', 'sms'],
      ['loginId', 'email'],
    ],
  ],
  [
    'the mobile, then the email of one account, both by email',
    [
      ['mobile', 'email'],
      ['email', 'email'],
    ],
  ],
  [
    'the mobile, then the login ID of one account, both by SMS',
    [
      ['mobile', 'sms'],
      ['loginId', 'sms'],
    ],
  ],
  [
    'the email, then the tenant name of one account, both by email',
    [
      ['email', 'email'],
      ['tenantName', 'email'],
    ],
  ],
  [
    'one tenant name twice by email',
    [
      ['tenantName', 'email'],
      ['tenantName', 'email'],
    ],
  ],
];
const PURPOSES = ['password-reset', 'delete-huawei-id'] as const;
const CASES = PURPOSES.flatMap((purpose) => SEQUENCES.map(([name, steps]) => [purpose, name, steps] as const));

describe('send limits of the sessionless identifier purposes (R-SEC-03, issue 9 items 2 and 16)', () => {
  it.each(CASES)(
    'R-SEC-03: %s codes for %s answer the same status sequence for a real and an unknown account',
    async (purpose, _name, steps) => {
      const forReal = await statuses(purpose, await realIdentifiers(), steps);
      const forNobody = await statuses(purpose, unknownIdentifiers(), steps);
      expect(forReal).toEqual(forNobody);
      // Only the same identifier on the same channel inside the cooldown is refused: nothing links two identifiers.
      const sameRequestTwice = steps[0]![0] === steps[1]![0] && steps[0]![1] === steps[1]![1];
      expect(forReal).toEqual(sameRequestTwice ? [202, 429] : [202, 202]);
    },
  );

  it('R-VC-04 R-SEC-03: the cooldown of the real destination holds silently: two identifiers of one account inside 60 s deliver one code', async () => {
    const real = await realIdentifiers();
    const first = await requestCode({ purpose: 'password-reset', channel: 'email', destination: real.mobile });
    const second = await requestCode({ purpose: 'password-reset', channel: 'email', destination: real.email });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(Object.keys(second.body).sort()).toEqual(Object.keys(first.body).sort());
    expect(
      (await listRecordedMessages(real.email, 10)).filter((m) => m.kind === 'verification-code' && /reset/i.test(m.body)),
    ).toHaveLength(1);
  });

  it('R-VC-04 R-SEC-03: the daily cap of the real destination holds silently: more identifiers answer 202 but deliver at most 10 codes', async () => {
    const real = await realIdentifiers();
    const before = (await listRecordedMessages(real.email, 50)).length;
    const kinds: Kind[] = ['email', 'mobile', 'loginId', 'tenantName'];
    const cap = config.verification.maxSendsPerDestinationPerDay;
    for (let i = 0; i < cap + 3; i += 1) {
      setClockOffset((i + 1) * 61_000);
      const res = await requestCode({ purpose: 'password-reset', channel: 'email', destination: real[kinds[i % kinds.length]!] });
      expect(res.status, `request ${i + 1}`).toBe(202);
    }
    expect((await listRecordedMessages(real.email, 50)).length - before).toBe(cap - 1); // the sign-up code was the first of the day
  });
});
