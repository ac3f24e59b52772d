/**
 * Who a disassociation concerns and how both sides are told of a result (R-PD-01, R-PD-04, R-PD-09, expiry): the
 * partner and its administrator account, and the result notices. Shared by deciding, the ticket path and expiry.
 */
import type { AccountItem } from '../accounts/account.js';
import { findAccount } from '../accounts/store.js';
import type { OutboxEntry } from '../core/notify/outbox.js';
import { type DisassociationNotice, disassociationNotices } from './disassociation-notices.js';
import type { Association, Partner } from './model.js';
import { loadPartner } from './store.js';

/** The partner (unless the caller loaded it already) and its administrator account (where the partner side is told). */
export async function partnerSide(
  partnerId: string,
  known?: Partner,
): Promise<{ partner: Partner | undefined; admin: AccountItem | undefined }> {
  const partner = known ?? (await loadPartner(partnerId));
  return { partner, admin: partner ? await findAccount(partner.adminAccountId) : undefined };
}

export function resultNotices(
  kind: DisassociationNotice,
  vars: Record<string, string>,
  association: Pick<Association, 'customerName' | 'partnerId'>,
  partner: Partner | undefined,
  to: Array<AccountItem | undefined>,
): OutboxEntry[] {
  return disassociationNotices(
    kind,
    { ...vars, partnerName: partner?.name ?? association.partnerId, customerName: association.customerName },
    to,
  );
}
