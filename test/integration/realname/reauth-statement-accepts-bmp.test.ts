/**
 * Review R2 (issue 13 item 2, R-RA-04): the statement of commitment of an enterprise-name change may be "JPG, JPEG,
 * BMP, PNG, GIF or PDF" (SPEC R-RA-04, seed 003 §4.5.3; the design I13 item 2 says the same). The statement is a
 * `reauth-form` material, and that purpose takes only pdf, jpg, png, gif (lib/materials/rules.ts): a BMP statement
 * can never be uploaded, so the customer cannot submit the change with it.
 */
import { describe, expect, it } from 'vitest';
import { activeAccount } from '../../support/closure.js';
import { authenticatedAs, enterpriseApplication, reauthMaterialsFor, reauthenticate } from '../../support/realname.js';

describe('R-RA-04 statement of commitment formats (issue 13 review R2 item 7)', () => {
  it('R-RA-04: a BMP statement of commitment is accepted for an enterprise-name change', async () => {
    const account = await activeAccount();
    const auth = await authenticatedAs(account.accountId, 'enterprise');
    // Uploads every slot, and the statement (applicationForm) as a BMP: the helper expects each upload to verify.
    const { materials, applicationForm } = await reauthMaterialsFor(account, 'enterprise-name', 'bmp');
    const res = await reauthenticate(account, {
      ...enterpriseApplication({ enterpriseName: 'Renamed BMP GmbH' }),
      kind: 'enterprise-name',
      registrationNumber: auth.number,
      materials,
      applicationForm,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
