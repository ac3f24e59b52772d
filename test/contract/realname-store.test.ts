/** Contract of the real-name store's certificate counter (issue 13 groundwork) on DynamoDB Local. */
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/core/crypto.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import {
  ACCOUNTS_PER_CERTIFICATE,
  type CertificateKind,
  certificateClaim,
  certificateNumberHash,
  certificateRelease,
  loadCertificate,
} from '../../lib/realname/store.js';

async function claim(kind: CertificateKind, hash: string, accountId: string): Promise<'ok' | 'certificate'> {
  try {
    await transact([certificateClaim(kind, hash, accountId)]);
    return 'ok';
  } catch (error) {
    if (error instanceof ConditionFailed && error.failed('certificate')) return 'certificate';
    throw error;
  }
}

describe('real-name certificate counter (R-RN-04, issue 13 groundwork)', () => {
  it.each<[CertificateKind, number]>([
    ['individual', 3],
    ['enterprise', 6],
  ])('R-RN-04: one %s certificate number authenticates at most %i accounts; the next is refused', async (kind, max) => {
    expect(ACCOUNTS_PER_CERTIFICATE[kind]).toBe(max);
    const hash = certificateNumberHash(kind, newId('cert_'));
    const accounts = Array.from({ length: max }, () => newId('ac_'));
    for (const a of accounts) expect(await claim(kind, hash, a)).toBe('ok');
    expect(await claim(kind, hash, newId('ac_'))).toBe('certificate');
    expect(await loadCertificate(kind, hash)).toEqual({ count: max, accounts: [...accounts].sort() });
  });

  it('R-RN-04: two approvals racing for the last slot: exactly one is counted', async () => {
    const hash = certificateNumberHash('individual', newId('cert_'));
    for (const a of [newId('ac_'), newId('ac_')]) expect(await claim('individual', hash, a)).toBe('ok');
    for (let round = 0; round < 3; round += 1) {
      const raceHash = certificateNumberHash('individual', newId('cert_'));
      await claim('individual', raceHash, newId('ac_'));
      await claim('individual', raceHash, newId('ac_'));
      const results = await Promise.all([claim('individual', raceHash, newId('ac_')), claim('individual', raceHash, newId('ac_'))]);
      expect(results.sort()).toEqual(['certificate', 'ok']);
      expect((await loadCertificate('individual', raceHash)).count).toBe(3);
    }
  });

  it('R-RN-04: an account is counted once; releasing its slot frees it for another account', async () => {
    const hash = certificateNumberHash('individual', newId('cert_'));
    const [a, b, c, d] = [newId('ac_'), newId('ac_'), newId('ac_'), newId('ac_')];
    expect(await claim('individual', hash, a)).toBe('ok');
    expect(await claim('individual', hash, a)).toBe('certificate');
    for (const x of [b, c]) expect(await claim('individual', hash, x)).toBe('ok');
    await transact([certificateRelease('individual', hash, b)]);
    expect(await claim('individual', hash, d)).toBe('ok');
    expect(await loadCertificate('individual', hash)).toEqual({ count: 3, accounts: [a, c, d].sort() });
    // Releasing an account that is not counted is refused (nothing to give back).
    await expect(transact([certificateRelease('individual', hash, b)])).rejects.toBeInstanceOf(ConditionFailed);
  });

  it('R-RN-04: the number is compared as people type it and stored only as a keyed hash', () => {
    expect(certificateNumberHash('individual', 'ab-12 34')).toBe(certificateNumberHash('individual', 'AB1234'));
    expect(certificateNumberHash('individual', 'AB1234')).not.toBe(certificateNumberHash('enterprise', 'AB1234'));
    expect(certificateNumberHash('individual', 'AB1234')).not.toContain('AB1234');
  });
});
