/**
 * Review R1 (issue 13 item 1, R-RN-01 "individual (passport, ID card, non-Chinese driver licence …)"; seed 003 §4.2
 * tab "Non-Chinese Driver License"): a driver licence issued in the Chinese mainland is not an accepted certificate.
 * With R-RN-06 (issuing country = the account's country) the only way to use a driver licence issued in CN is from a
 * CN account, and today that application is accepted and queued.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount } from '../../support/closure.js';
import { apply, individualApplication, materialsFor } from '../../support/realname.js';

describe('Chinese driver licence', () => {
  it('R-RN-01: an individual application with a driver licence issued in CN is refused (issue 13 item 1)', async () => {
    const account = await activeAccount();
    // An account registered in the Chinese mainland (R-RN-06 then requires certificates issued in CN).
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.account(account.accountId),
        UpdateExpression: 'SET countryRegion = :cn',
        ExpressionAttributeValues: { ':cn': 'CN' },
      }),
    );
    const materials = await materialsFor(account, 'individual');
    const res = await apply(account, individualApplication({ certificateType: 'driver-license', issuingCountry: 'CN', materials }));
    expect([400, 422], JSON.stringify(res.body)).toContain(res.status);
    expect((await findAccount(account.accountId))!.realNamePending).toBeUndefined();

    // Control: a CN passport from the same account is accepted.
    const passport = await apply(account, individualApplication({ certificateType: 'passport', issuingCountry: 'CN', materials }));
    expect(passport.status, JSON.stringify(passport.body)).toBe(201);
  });
});
