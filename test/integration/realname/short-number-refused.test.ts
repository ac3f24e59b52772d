/**
 * Review R1 (issue 13 item 1, design "raw certificate / registration numbers are never stored": only the keyed hash +
 * the last 4 characters): the number schema accepts 3 to 64 characters INCLUDING spaces and hyphens, which the
 * normalisation drops, so a number of 4 or fewer significant characters ("AB-12", "A--", "7 7 7") is accepted and its
 * "last 4" IS the whole raw number, stored in clear in the application and shown back. (Such strings are also not
 * certificate numbers at all: "A--" normalises to "A".)
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { activeAccount } from '../../support/closure.js';
import { apply, enterpriseApplication, individualApplication, materialsFor } from '../../support/realname.js';

describe('numbers no longer than their last 4', () => {
  it.each([
    ['individual', 'certificateNumber', 'AB-12'],
    ['individual', 'certificateNumber', 'A--'],
    ['enterprise', 'registrationNumber', '7 7 7'],
  ] as const)(
    '%s %s %j is refused as bad input: its last 4 would be the raw number (issue 13 item 1, R-RN-01)',
    async (kind, field, number) => {
      const account = await activeAccount();
      const materials = await materialsFor(account, kind);
      const body =
        kind === 'individual'
          ? individualApplication({ materials, [field]: number })
          : enterpriseApplication({ materials, [field]: number });
      const res = await apply(account, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect((res.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(`body.${field}`);
      expect((await findAccount(account.accountId))!.realNamePending).toBeUndefined();
    },
  );
});
