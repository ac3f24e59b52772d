/**
 * Disassociation notices (R-PD-01, R-PD-04): the request goes to the other side, and both sides are told the result
 * (agreed, rejected, lapsed, completed by a service ticket), through the outbox in the transaction of the change.
 * The customer is told at its notice address (service email, else the HUAWEI ID email); the partner at its
 * administrator account's.
 */
import { type AccountItem, noticeTarget } from '../accounts/account.js';
import { messageFor } from '../core/notify/notice.js';
import { type OutboxEntry, outboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';

addTemplates('partner-disassociation-requested', {
  en: (v) => ({
    subject: 'A request to end a partner association',
    body: `${v.requester} requests to end the association between partner ${v.partnerName} and customer ${v.customerName}${v.reason ? ` (reason: ${v.reason})` : ''}. Agree or reject it before ${v.expiresAt}; after that it lapses.`,
  }),
  zh: (v) => ({
    subject: '解除伙伴关联的申请',
    body: `${v.requester} 申请解除伙伴 ${v.partnerName} 与客户 ${v.customerName} 的关联${v.reason ? `（原因：${v.reason}）` : ''}。请在 ${v.expiresAt} 前同意或拒绝，逾期申请失效。`,
  }),
});
addTemplates('partner-disassociation-result', {
  en: (v) => ({
    subject: `Partner disassociation request ${v.result}`,
    body: `The request to end the association between partner ${v.partnerName} and customer ${v.customerName} was ${v.result} at ${v.at}.${v.result === 'approved' ? ' The association has ended.' : ' The association continues.'}`,
  }),
  zh: (v) => ({
    subject: `解除伙伴关联申请：${v.result}`,
    body: `解除伙伴 ${v.partnerName} 与客户 ${v.customerName} 关联的申请已于 ${v.at} ${v.result}。${v.result === 'approved' ? '关联已解除。' : '关联继续有效。'}`,
  }),
});
addTemplates('partner-disassociated-by-ticket', {
  en: (v) => ({
    subject: 'Partner association ended by service ticket',
    body: `The association between partner ${v.partnerName} and customer ${v.customerName} was ended at ${v.at} through service ticket ${v.ticketId}, with the partner's written consent.`,
  }),
  zh: (v) => ({
    subject: '已通过工单解除伙伴关联',
    body: `伙伴 ${v.partnerName} 与客户 ${v.customerName} 的关联已于 ${v.at} 通过工单 ${v.ticketId} 解除（伙伴已书面同意）。`,
  }),
});

export type DisassociationNotice = 'partner-disassociation-requested' | 'partner-disassociation-result' | 'partner-disassociated-by-ticket';

/** One outbox entry per account told (an account that no longer exists is skipped). */
export function disassociationNotices(
  kind: DisassociationNotice,
  vars: Record<string, string>,
  to: ReadonlyArray<AccountItem | undefined>,
): OutboxEntry[] {
  return to.flatMap((account) => (account ? [outboxEntry(messageFor(noticeTarget(account), kind, vars))] : []));
}
