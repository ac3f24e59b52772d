/**
 * Review R1 (issue 13 item 1, R-RN-01): an individual application needs two different pieces of evidence — the
 * certificate page AND a photo of the applicant holding it. Today one uploaded file may fill both slots, so an
 * application with a single image (no holding photo at all) reaches the operators' queue.
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { activeAccount } from '../../support/closure.js';
import { apply, individualApplication, verifiedMaterial } from '../../support/realname.js';

describe('one material in two slots', () => {
  it('R-RN-01: the same material used as certificatePage and holdingPhoto is refused as material-invalid naming the slot (issue 13 item 1)', async () => {
    const account = await activeAccount();
    const page = await verifiedMaterial(account, 'real-name-individual', 'png');
    const res = await apply(account, individualApplication({ materials: { certificatePage: page, holdingPhoto: page } }));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('MATERIAL_INVALID');
    expect(res.body.failures).toEqual([expect.objectContaining({ condition: 'material-invalid', slot: 'holdingPhoto' })]);
    expect((await findAccount(account.accountId))!.realNamePending).toBeUndefined();
  });
});
