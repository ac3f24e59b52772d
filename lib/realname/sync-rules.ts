/**
 * R-RN-07, seed 003 Table 4-1: on an enterprise master's FIRST enterprise real-name authentication, is the result
 * synchronized to a member? Yes when the master's and the member's enterprise names were equal before, or are equal
 * after (the master's first authenticated name equals the member's name); otherwise not. The member's own
 * authentication status does not change the answer (cases 3 and 6). Pure; the real-name area (issue 13) applies it
 * to each member when the master's first enterprise authentication is approved.
 */

export interface SyncCase {
  /** The master's enterprise name before its first authentication. */
  masterNameBefore: string;
  /** The member's enterprise name. */
  memberName: string;
  /** The enterprise name the master's first authentication approved. */
  masterFirstAuthenticatedName: string;
}

/** Names compare as people read them: Unicode-normalized, trimmed, inner spaces collapsed, case-insensitive. */
export const sameEnterpriseName = (a: string, b: string): boolean => normalize(a) === normalize(b);

function normalize(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function synchronizesToMember(c: SyncCase): boolean {
  return sameEnterpriseName(c.masterNameBefore, c.memberName) || sameEnterpriseName(c.masterFirstAuthenticatedName, c.memberName);
}
