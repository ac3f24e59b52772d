/**
 * listEnterpriseRecords (issue 12 route 14, R-MM-01/02): the master's permanent association records (its view
 * `ent-master:<id>`), newest first, between two times, a bounded page at a time. Master only (403 otherwise).
 */
import type { AccountCaller } from '../core/caller.js';
import { masterView } from './association-log.js';
import { requireMaster } from './invitation.js';
import { type RecordsQuery, recordsOf } from './records.js';

export async function listEnterpriseRecords(caller: AccountCaller, q: RecordsQuery) {
  await requireMaster(caller);
  return recordsOf(masterView(caller.accountId), q);
}
