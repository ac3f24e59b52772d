/**
 * The association-log entries of the enterprise area (issue 12, R-MM-01/02): one builder so every entry reads the
 * same, written to the master's and the member's views (`ent-master:<id>`, `ent-member:<id>`) unless the caller
 * names others. Partner views are untouched.
 */
import { type LogActor, type LogEvent, logWrites } from '../core/association-log/log.js';
import type { TransactItem } from '../core/store/writes.js';
import type { AccountingMode, Permission } from './kinds.js';

export const masterView = (masterId: string) => `ent-master:${masterId}`;
export const memberView = (memberId: string) => `ent-member:${memberId}`;

/** Both sides' views of one master–member pair. */
export const enterpriseViews = (masterId: string, memberId: string): string[] => [masterView(masterId), memberView(memberId)];

export interface EnterpriseLogRef {
  masterAccountId: string;
  memberAccountId: string;
  accountingMode?: AccountingMode;
  permissions?: Permission[];
  requestId?: string;
}

export function enterpriseLogWrites(
  ref: EnterpriseLogRef,
  entry: { event: LogEvent; actor: LogActor; time?: string; details?: Record<string, unknown> },
  views: string[] = enterpriseViews(ref.masterAccountId, ref.memberAccountId),
): TransactItem[] {
  return logWrites(
    {
      area: 'enterprise',
      event: entry.event,
      actor: entry.actor,
      ...(entry.time ? { time: entry.time } : {}),
      details: {
        masterAccountId: ref.masterAccountId,
        memberAccountId: ref.memberAccountId,
        ...(ref.accountingMode ? { accountingMode: ref.accountingMode } : {}),
        ...(ref.permissions ? { permissions: ref.permissions } : {}),
        ...(ref.requestId ? { requestId: ref.requestId } : {}),
        ...entry.details,
      },
    },
    views,
  );
}

export const accountActor = (id: string): LogActor => ({ kind: 'account', id });
export const schedulerActor: LogActor = { kind: 'system', id: 'scheduler' };
