/**
 * The association log (issue 11, R-PD-07): permanent, searchable records of partner (and, later, enterprise)
 * associations — invitations, associations, freezes, budgets, authorization changes, requests and decisions — with
 * actor and time. One immutable item per view an entry is seen from (a customer, a partner, the pair
 * `<partnerId>#<customerId>`), written in the transaction of the change it records; no ttl (AWS drops ended
 * handshakes after 30 days; we do not). Reads: ./store.ts (`listLog`).
 */
import { nowIso } from '../clock.js';
import { newId } from '../crypto.js';
import * as keys from '../store/key-builders.js';
import { TABLE } from '../store/table.js';
import type { TransactItem } from '../store/writes.js';

export const LOG_EVENTS = [
  'invitation-created',
  'invitation-revoked',
  'associated',
  'frozen',
  'unfrozen',
  'budget-set',
  'authorization-granted',
  'authorization-revoked',
  'account-manager-assigned',
  'disassociation-requested',
  'disassociation-agreed',
  'disassociation-rejected',
  'disassociation-expired',
  'disassociation-canceled',
  'disassociated',
  'ticket-disassociated',
  // R-PD-10: a partner staff member revealed one of the customer's contact fields (details.field).
  'contact-revealed',
  // R-PD-04 (issue 11 review finding 3): the partner's staff, on the partner's view only (details.accountId).
  'member-invited',
  'member-joined',
  'member-declined',
  'member-invitation-canceled',
  'member-invitation-expired',
  'member-removed',
  // Issue 12 (enterprise master and members; details.masterAccountId / memberAccountId).
  'enterprise-center-enabled',
  'invitation-accepted',
  'invitation-rejected',
  'invitation-canceled',
  'invitation-expired',
  'member-created',
  'permissions-changed',
] as const;

export type LogEvent = (typeof LOG_EVENTS)[number];

export interface LogActor {
  kind: 'account' | 'partner' | 'operator' | 'system';
  id: string;
}

export interface LogEntry {
  id: string;
  area: 'partner' | 'enterprise';
  event: LogEvent | (string & {});
  time: string;
  actor: LogActor;
  partnerId?: string;
  customerId?: string;
  customerName?: string;
  /**
   * The customer's account (tenant) name as of the entry, normalised (NFKC, trimmed, spaces collapsed, lower case):
   * what the partner searches its records by (R-PD-07); not shown in the records (R-PD-10).
   */
  customerAccount?: string;
  model?: string;
  details?: Record<string, unknown>;
}

export type NewLogEntry = Omit<LogEntry, 'id' | 'time'> & { time?: string };

/** The log views of a partner–customer pair: the customer's, the partner's and the pair's. */
export const pairViews = (partnerId: string, customerId: string): string[] => [customerId, partnerId, `${partnerId}#${customerId}`];

/** Entries written at the same time by this process keep the order they were made in (ids sort by it). */
let sequence = 0;

/** One Put per view (append-only: attribute_not_exists), to add to the transaction of the change. */
export function logWrites(entry: NewLogEntry, views: string[]): TransactItem[] {
  const time = entry.time ?? nowIso();
  sequence = (sequence + 1) % 36 ** 6;
  const id = `lg_${sequence.toString(36).padStart(6, '0')}${newId()}`;
  const stored: LogEntry = { ...entry, id, time };
  return [...new Set(views)].map((view) => ({
    Put: {
      TableName: TABLE(),
      Item: { ...keys.associationLogEntry(view, time, id), view, entry: stored },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));
}
