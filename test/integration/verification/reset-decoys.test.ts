/**
 * R-SEC-03 (issue 9 item 2): a password-reset code request for an identifier without an account answers
 * exactly like one for a real account: same mask shape, stable per identifier, and the same storage work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as securityPhoneHandler } from '../../../functions/accounts/setSecurityPhone.js';
import { maskEmail, maskMobile } from '../../../lib/core/contact/mask.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { setClockOffset } from '../../../lib/core/clock.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { decoyDestination } from '../../../lib/verification/decoys.js';
import { useNotifier } from '../../../lib/core/notify/notifier.js';
import { invoke } from '../../support/http.js';
import { storageWork } from '../../support/storage-work.js';
import { bearer, requestCode, signUp, uniqueEmail, uniqueMobile, verificationFor } from '../../support/identity.js';

type Kind = 'email' | 'mobile' | 'loginId' | 'tenantName';
type Channel = 'email' | 'sms';

/** Mobile national significant number lengths per country code (ITU-T E.164 national plans; independent of the code under test). */
const NATIONAL_MOBILE_LENGTHS: Record<string, number[]> = {
  '1': [10],
  '33': [9],
  '34': [9],
  '39': [9, 10],
  '44': [10],
  '49': [10, 11],
  '86': [11],
};

/** The shape of a mask: what an observer can tell from it without knowing the address behind it. */
function shapeOf(mask: string): string {
  // A code that does not go to the identifier itself shows a fixed shape (issue 9 review: a real mask would show the
  // real domain, country and length, which no decoy can imitate).
  if (mask === '***@***') return 'email: opaque';
  if (/^\+\*{9}\d{2}$/.test(mask)) return 'phone: opaque, 2 digits';
  const email = /^([^*@]+)(\*+)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/.exec(mask);
  if (email) return `email: ${email[1]!.length} visible, ${email[2]!.length >= 3 ? '3+' : email[2]!.length} stars, a domain`;
  const phone = /^\+(\d{2})(\*+)(\d{4})$/.exec(mask);
  if (phone) {
    const national = phone[2]!.length + 4; // "+CC" is shown, then the stars, then 4 digits
    const valid = NATIONAL_MOBILE_LENGTHS[phone[1]!]?.includes(national) ?? false;
    return `phone: "+" and a country code, stars and 4 digits, ${valid ? 'a real mobile length for that country' : `national length ${national} for +${phone[1]}`}`;
  }
  return `unknown shape: ${mask}`;
}

const unknown: Record<Kind, string> = {
  email: 'nobody.home@example.com',
  mobile: '+4915199990001',
  loginId: 'ghostlogin4915',
  tenantName: 'GhostTenant2026',
};

let real: Record<Kind, string>;
let minute = 0;
const nextMinute = () => {
  minute += 61;
  setClockOffset(minute * 1000);
};

const resetCode = (identifier: string, channel: Channel) => requestCode({ purpose: 'password-reset', channel, destination: identifier });

beforeAll(async () => {
  const account = await signUp();
  const mobile = uniqueMobile();
  const verification = await verificationFor('security-phone', 'sms', mobile, { token: account.token, destination: mobile });
  expect(
    (
      await invoke(securityPhoneHandler, {
        method: 'PUT',
        path: '/v1/account/security-phone',
        headers: bearer(account.token),
        body: { mobile, verification },
      })
    ).status,
  ).toBe(200);
  const me = (await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) })).body;
  real = { email: account.email, mobile, loginId: me.loginId, tenantName: me.tenantName };
});

const CASES: Array<[Kind, Channel]> = (['email', 'mobile', 'loginId', 'tenantName'] as const).flatMap((k) =>
  (['email', 'sms'] as const).map((c) => [k, c] as [Kind, Channel]),
);

describe('password-reset decoys (R-SEC-03, issue 9 item 2)', () => {
  it.each(CASES)(
    'R-SEC-03: a %s identifier asking for a %s code: the decoy mask has the shape of a real one and is stable',
    async (kind, channel) => {
      nextMinute();
      const forReal = await resetCode(real[kind], channel);
      const forNobody = await resetCode(unknown[kind], channel);
      expect([forReal.status, forNobody.status]).toEqual([202, 202]);
      expect(Object.keys(forNobody.body).sort()).toEqual(Object.keys(forReal.body).sort());
      expect(shapeOf(forNobody.body.destinationMasked)).toBe(shapeOf(forReal.body.destinationMasked));
      expect(shapeOf(forNobody.body.destinationMasked)).not.toMatch(/unknown shape|national length/);
      nextMinute();
      expect((await resetCode(unknown[kind], channel)).body.destinationMasked).toBe(forNobody.body.destinationMasked);
    },
  );

  it.each([
    ['email', 'email', maskEmail(unknown.email)],
    ['mobile', 'sms', maskMobile(unknown.mobile)],
  ] as const)(
    'R-SEC-03: a %s identifier asking for a %s code shows the mask a real account of that identifier would show',
    async (kind, channel, expected) => {
      nextMinute();
      expect((await resetCode(unknown[kind], channel)).body.destinationMasked).toBe(expected);
    },
  );

  it.each([
    ['mobile', 'email', '+49 151 9999 0001', '+4915199990001'],
    ['login ID', 'sms', 'GhostLogin4915', 'ghostlogin4915'],
    ['email', 'sms', ' Nobody.Home@Example.com', 'nobody.home@example.com'],
  ] as const)(
    'R-SEC-03: two spellings of one unknown %s get the same decoy %s mask, as they would name the same account',
    async (_kind, channel, one, other) => {
      nextMinute();
      const first = (await resetCode(one, channel)).body.destinationMasked;
      nextMinute();
      expect((await resetCode(other, channel)).body.destinationMasked).toBe(first);
    },
  );

  it('R-SEC-03: an invented phone number shows no digits of the identifier, only two of the HMAC-derived decoy', async () => {
    nextMinute();
    const identifier = 'ghost0151123456';
    const mask = (await resetCode(identifier, 'sms')).body.destinationMasked as string;
    expect(mask).toBe(`+*********${decoyDestination('sms', identifier).slice(-2)}`);
  });

  it.each([
    ['loginId', 'email', '***@***'],
    ['tenantName', 'email', '***@***'],
    ['mobile', 'email', '***@***'],
  ] as const)(
    'R-SEC-03: a real %s asking for a %s code shows neither the real domain nor the length (issue 9 review)',
    async (kind, channel, mask) => {
      nextMinute();
      expect((await resetCode(real[kind], channel)).body.destinationMasked).toBe(mask);
      nextMinute();
      expect((await resetCode(unknown[kind], channel)).body.destinationMasked).toBe(mask);
    },
  );

  it("R-SEC-03 R-LI-08: an account with a service email still answers the identifier's own mask; the code goes to the HUAWEI ID email (issue 9 review)", async () => {
    const account = await signUp();
    const serviceEmail = uniqueEmail('svc');
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.account(account.accountId),
        UpdateExpression: 'SET serviceEmail = :e',
        ExpressionAttributeValues: { ':e': serviceEmail },
      }),
    );
    const before = (await listRecordedMessages(account.email)).length;
    nextMinute();
    const forReal = await resetCode(account.email, 'email');
    expect(forReal.body.destinationMasked).toBe(maskEmail(account.email));
    expect((await listRecordedMessages(account.email)).length).toBe(before + 1);
    expect(await listRecordedMessages(serviceEmail)).toEqual([]);
  });

  it.each(['email', 'mobile', 'loginId', 'tenantName'] as const)(
    'R-SEC-03: a %s identifier costs the same reads and writes whether or not it names an account',
    async (kind) => {
      // Delivery is not storage work (in a deployed stage it is one SNS publish): an in-memory notifier here.
      useNotifier({ send: async () => undefined });
      try {
        const work = async (identifier: string) => {
          nextMinute();
          return storageWork(async () => expect((await resetCode(identifier, 'email')).status).toBe(202));
        };
        const forReal = await work(real[kind]);
        const forNobody = await work(unknown[kind]);
        expect(forNobody).toEqual(forReal);
      } finally {
        useNotifier(undefined);
      }
    },
  );
});
