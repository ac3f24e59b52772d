import { describe, expect, it } from 'vitest';
import { synchronizesToMember } from '../../../lib/realname/sync-rules.js';

// Seed 003 Table 4-1, one row per case: the master's name and status, the member's, the master's first
// authenticated name, synchronized or not. The statuses are in the table to show they do not matter.
const TABLE_4_1 = [
  { case: 1, master: 'A', member: 'A', memberAuthenticated: false, firstAuthenticated: 'A', synchronized: true },
  { case: 2, master: 'A', member: 'A', memberAuthenticated: false, firstAuthenticated: 'B', synchronized: true },
  { case: 3, master: 'A', member: 'A', memberAuthenticated: true, firstAuthenticated: 'B', synchronized: true },
  { case: 4, master: 'A', member: 'B', memberAuthenticated: false, firstAuthenticated: 'B', synchronized: true },
  { case: 5, master: 'A', member: 'B', memberAuthenticated: false, firstAuthenticated: 'A', synchronized: false },
  { case: 6, master: 'A', member: 'B', memberAuthenticated: true, firstAuthenticated: 'A', synchronized: false },
] as const;

describe('R-RN-07: master→member synchronization on the master’s first enterprise authentication (seed 003 Table 4-1)', () => {
  it.each(TABLE_4_1)('R-RN-07: Table 4-1 case $case → synchronized: $synchronized', (row) => {
    const answer = synchronizesToMember({
      masterNameBefore: `${row.master} Holdings Ltd`,
      memberName: `${row.member} Holdings Ltd`,
      masterFirstAuthenticatedName: `${row.firstAuthenticated} Holdings Ltd`,
    });
    expect(answer).toBe(row.synchronized);
  });

  it('R-RN-07: names compare as written by people (case, spacing and width do not make two names differ)', () => {
    expect(
      synchronizesToMember({ masterNameBefore: 'X', memberName: '  acme   holdings ', masterFirstAuthenticatedName: 'ACME Holdings' }),
    ).toBe(true);
    expect(synchronizesToMember({ masterNameBefore: 'X', memberName: 'ＡＣＭＥ', masterFirstAuthenticatedName: 'ACME' })).toBe(true);
    expect(synchronizesToMember({ masterNameBefore: 'X', memberName: 'ACME Ltd', masterFirstAuthenticatedName: 'ACME' })).toBe(false);
  });
});
