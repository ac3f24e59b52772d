/**
 * listMasterAccountRecords (issue 12 route 14, R-MM-01/02): the account's own enterprise association records (its
 * member view `ent-member:<id>`, kept after disassociation), newest first, between two times. The actor is the
 * master's account ID (`master:<id>`), never an operator's.
 */
import type { AccountCaller } from '../core/caller.js';
import { memberView } from './association-log.js';
import { type RecordsQuery, recordsOf } from './records.js';

export async function listMasterAccountRecords(caller: AccountCaller, q: RecordsQuery) {
  return recordsOf(memberView(caller.accountId), q);
}
