/**
 * How a partner's staff member is named where it acts on a customer (R-PA-06): in the customer's audit traces
 * (`partner:<partnerId>:<staffAccountId>`) and in the association log (kind `partner`).
 */
import type { LogActor } from '../core/association-log/log.js';
import type { Staff } from './model.js';

export const partnerAuditActor = (staff: Pick<Staff, 'partnerId' | 'accountId'>): string => `partner:${staff.partnerId}:${staff.accountId}`;

export const partnerLogActor = (staff: Pick<Staff, 'partnerId' | 'accountId'>): LogActor => ({
  kind: 'partner',
  id: `${staff.partnerId}:${staff.accountId}`,
});
