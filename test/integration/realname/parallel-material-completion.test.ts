/**
 * Review R1 (materials, issue 13 "Materials" R-RN-02; BRIEF "never a 500"): completing the same material twice at
 * once (a double click, a client retry) must not answer 500. `completeMaterial` runs the check twice and the loser's
 * `markVerified` (conditioned on `awaiting-upload`) throws an untranslated ConditionFailed, which the edge turns into a
 * bare 500.
 */
import { describe, expect, it } from 'vitest';
import { handler as completeHandler } from '../../../functions/materials/completeMaterial.js';
import { handler as declareHandler } from '../../../functions/materials/declareMaterial.js';
import { loadMaterial } from '../../../lib/materials/store.js';
import { activeAccount } from '../../support/closure.js';
import { FILES } from '../../support/files.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { putToTarget } from '../../support/upload.js';

describe('parallel completion of one material', () => {
  it('R-RN-02: two completions of one material at once both answer verified (or a 409), never a 500 (issue 13 materials)', async () => {
    const account = await activeAccount();
    const statuses: number[] = [];
    const finals: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      const declared = await invoke(declareHandler, {
        method: 'POST',
        path: '/v1/materials',
        headers: bearer(account.token),
        body: { purpose: 'real-name-individual', fileName: 'scan.png', contentType: 'image/png', sizeBytes: FILES.png.length },
      });
      expect(declared.status).toBe(201);
      expect((await putToTarget(declared.body.upload, FILES.png)).status).toBe(200);
      const materialId = declared.body.materialId as string;
      const complete = () =>
        invoke(completeHandler, {
          method: 'POST',
          path: `/v1/materials/${materialId}/complete`,
          pathParameters: { materialId },
          headers: bearer(account.token),
        });
      const answers = await Promise.all([complete(), complete()]);
      statuses.push(...answers.map((a) => a.status));
      finals.push(
        `${answers.map((a) => `${a.status}:${a.body?.code ?? a.body?.status}`).join('/')} -> ${(await loadMaterial(account.accountId, materialId))?.status}`,
      );
    }
    expect(
      finals.filter((f) => !/^200:verified\/(200:verified|409:[A-Z_]+) -> verified$|^409:[A-Z_]+\/200:verified -> verified$/.test(f)),
      finals.join('; '),
    ).toEqual([]);
  });
});
