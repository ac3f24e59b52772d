/** Contract of the materials store (lib/materials/store.ts) on DynamoDB Local. */
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/core/crypto.js';
import { ConditionFailed } from '../../lib/core/store/writes.js';
import { type MaterialItem, claimForCheck, createMaterial, loadMaterial, markRejected, markVerified } from '../../lib/materials/store.js';

const account = () => newId('ac_');
const material = (materialId = newId('mt_')): MaterialItem => ({
  materialId,
  purpose: 'qualification-proof',
  declaredType: 'pdf',
  sizeBytes: 10,
  objectKey: `uploads/x/${materialId}`,
  finalKey: `materials/x/${materialId}`,
  status: 'awaiting-upload',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const verified = { fileType: 'pdf' as const, sizeBytes: 10, verifiedAt: '2026-01-01T00:00:00.000Z' };
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok' as const,
    (e) => (e instanceof ConditionFailed ? ('refused' as const) : Promise.reject(e)),
  );

describe('materials store contract (R-AI-07, R-SEC-05)', () => {
  it("R-SEC-05: another account's material is not found, even by its ID", async () => {
    const [a, b] = [account(), account()];
    const m = material();
    await createMaterial(a, m);
    expect(await loadMaterial(b, m.materialId)).toBeUndefined();
    expect(await loadMaterial(a, m.materialId)).toMatchObject({ materialId: m.materialId, status: 'awaiting-upload' });
  });

  it('R-AI-07: a declaration never overwrites a material', async () => {
    const a = account();
    const m = material();
    await createMaterial(a, m);
    expect(await outcome(createMaterial(a, { ...m, purpose: 'qualification-proof', sizeBytes: 99 }))).toBe('refused');
    expect((await loadMaterial(a, m.materialId))!.sizeBytes).toBe(10);
  });

  it('R-AI-07: a material is claimed by one completion at most when completions race, and accepted once', async () => {
    const a = account();
    const m = material();
    await createMaterial(a, m);
    const at = '2026-11-24T10:00:00.000Z';
    const stale = '2026-11-24T09:59:00.000Z';
    const claims = await Promise.all(['c1', 'c2', 'c3'].map((c) => claimForCheck(a, m.materialId, c, at, stale)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const outcomes = await Promise.all(['c1', 'c2', 'c3'].map((c) => outcome(markVerified(a, m.materialId, verified, c))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes[claims.indexOf(true)]).toBe('ok');
    expect(await loadMaterial(a, m.materialId)).toMatchObject({ status: 'verified', fileType: 'pdf' });
  });

  it.each([
    { case: 'a refused material', prepare: (a: string, id: string) => markRejected(a, id, 'c1') },
    { case: 'an accepted material', prepare: (a: string, id: string) => markVerified(a, id, verified, 'c1') },
  ])('R-AI-07: $case cannot be accepted again, nor refused (a verified file never turns rejected)', async ({ prepare }) => {
    const a = account();
    const m = material();
    await createMaterial(a, m);
    const at = '2026-11-24T10:00:00.000Z';
    expect(await claimForCheck(a, m.materialId, 'c1', at, at)).toBe(true);
    await prepare(a, m.materialId);
    expect(await outcome(markVerified(a, m.materialId, verified, 'c1'))).toBe('refused');
    expect(await outcome(markRejected(a, m.materialId, 'c1'))).toBe('refused');
    expect(await claimForCheck(a, m.materialId, 'c2', at, at)).toBe(false);
  });
});
