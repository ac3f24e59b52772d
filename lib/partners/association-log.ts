/**
 * The association-log entries of a change to one partner–customer association (R-PD-07): the association's fields
 * every entry carries (partner, customer, its name and account name, model), written to the customer's, the
 * partner's and the pair's views unless the caller names others. One place, so every entry reads the same.
 */
import { type LogActor, logWrites, pairViews } from '../core/association-log/log.js';
import type { TransactItem } from '../core/store/writes.js';
import type { Association } from './model.js';

export type AssociationRef = Pick<Association, 'partnerId' | 'customerId' | 'customerName' | 'customerAccount' | 'model'>;

export function associationLogWrites(
  a: AssociationRef,
  entry: { event: string; actor: LogActor; time?: string; details?: Record<string, unknown> },
  views: string[] = pairViews(a.partnerId, a.customerId),
): TransactItem[] {
  return logWrites(
    {
      area: 'partner',
      ...entry,
      partnerId: a.partnerId,
      customerId: a.customerId,
      customerName: a.customerName,
      customerAccount: a.customerAccount,
      model: a.model,
    },
    views,
  );
}
