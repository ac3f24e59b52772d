/** Contract of the materials store (lib/materials/store.ts) on DynamoDB Local. */
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/core/crypto.js';
import { ConditionFailed } from '../../lib/core/store/writes.js';
import { type MaterialItem, createMaterial, loadMaterial, markRejected, markVerified } from '../../lib/materials/store.js';

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

  it('R-AI-07: a material is accepted at most once when two completions race', async () => {
    const a = account();
    const m = material();
    await createMaterial(a, m);
    const outcomes = await Promise.all([1, 2, 3].map(() => outcome(markVerified(a, m.materialId, verified))));
    expect(outcomes.sort()).toEqual(['ok', 'refused', 'refused']);
    expect(await loadMaterial(a, m.materialId)).toMatchObject({ status: 'verified', fileType: 'pdf' });
  });

  it.each([
    { case: 'a refused material', prepare: (a: string, id: string) => markRejected(a, id) },
    { case: 'an accepted material', prepare: (a: string, id: string) => markVerified(a, id, verified) },
  ])('R-AI-07: $case cannot be accepted again', async ({ prepare }) => {
    const a = account();
    const m = material();
    await createMaterial(a, m);
    await prepare(a, m.materialId);
    expect(await outcome(markVerified(a, m.materialId, verified))).toBe('refused');
  });
});
