import { describe, expect, it } from 'vitest';
import { industryProblems } from '../../../lib/accounts/catalogues.js';
import { TYPE_MOVES, nameEditFailures, tenantNameQuota, typeMoveFailures } from '../../../lib/accounts/info-rules.js';

describe('account information rules (pure)', () => {
  const types = ['unset', 'individual', 'enterprise'] as const;
  it.each(types.flatMap((from) => types.filter((to) => to !== 'unset' && to !== from).map((to) => [from, to] as const)))(
    'R-AI-05 %s → %s follows the table of allowed moves',
    (from, to) => {
      const allowed = TYPE_MOVES.some((m) => m.from === from && m.to === to);
      expect(typeMoveFailures(from, to, 'unauthenticated').length === 0).toBe(allowed);
      expect(typeMoveFailures(from, to, 'authenticated').length).toBeGreaterThan(0);
    },
  );

  it('R-AI-05 enterprise → individual is never allowed', () => {
    expect(typeMoveFailures('enterprise', 'individual', 'unauthenticated')[0]!.condition).toBe('type-move-not-allowed');
  });

  it('R-AI-06 names are editable only while unauthenticated', () => {
    expect(nameEditFailures('unauthenticated')).toEqual([]);
    expect(nameEditFailures('pending')).toHaveLength(1);
    expect(nameEditFailures('authenticated')).toHaveLength(1);
  });

  it('R-AI-02 three changes in a rolling 365 days; the answer says when the next is possible', () => {
    const at = new Date('2026-11-23T00:00:00.000Z');
    const changes = ['2025-11-22T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'];
    const q = tenantNameQuota(changes, at);
    expect(q.recent).toHaveLength(3);
    expect(q.left).toBe(0);
    expect(q.nextAllowedAt).toBe('2027-01-01T00:00:00.000Z');
    expect(tenantNameQuota([], at).left).toBe(3);
  });

  it('R-AI-11 a secondary industry is required exactly where the industry has them', () => {
    expect(industryProblems('finance', 'banking')).toEqual([]);
    expect(industryProblems('finance', undefined)[0]!.field).toBe('secondaryIndustry');
    expect(industryProblems('government', undefined)).toEqual([]);
    expect(industryProblems('government', 'x')[0]!.field).toBe('secondaryIndustry');
    expect(industryProblems('nope', undefined)[0]!.field).toBe('industry');
  });
});
