/** How an association-log entry is shown to the partner and to the customer (R-PD-07). Pure. */
import type { LogEntry } from '../core/association-log/log.js';

/** A record as both sides see it. */
export const recordView = (e: LogEntry) => ({
  event: e.event,
  time: e.time,
  actor: e.actor,
  ...(e.partnerId ? { partnerId: e.partnerId } : {}),
  ...(e.customerId ? { customerId: e.customerId } : {}),
  ...(e.customerName ? { customerName: e.customerName } : {}),
  ...(e.model ? { model: e.model } : {}),
  ...(e.details ? { details: e.details } : {}),
});
