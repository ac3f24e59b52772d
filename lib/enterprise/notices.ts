/**
 * Enterprise notices (issue 12, R-MM-01/02/07): an invitation goes to the invited account, its result (accepted,
 * rejected, expired) to the master, its end (canceled, expired) to the invited account; a disassociation request goes to the member, its result (canceled, agreed,
 * rejected, expired) to both. Through the outbox in the transaction of the change, at each account's notice
 * address (service email, else the HUAWEI ID email), in its language and time zone.
 */
import { type AccountItem, noticeTarget } from '../accounts/account.js';
import { messageFor } from '../core/notify/notice.js';
import { type OutboxEntry, outboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';

addTemplates('enterprise-invitation', {
  en: (v) => ({
    subject: 'An invitation to become an enterprise member account',
    body: `${v.enterpriseName} (account ${v.masterAccountId}) invites you to become a member account for enterprise accounting management (${v.accountingMode} accounting; permissions requested: ${v.permissions || 'none'}). Accept or reject it on My Master Account before ${v.expiresAt}; after that it lapses.`,
  }),
  zh: (v) => ({
    subject: '企业成员账号邀请',
    body: `${v.enterpriseName}（账号 ${v.masterAccountId}）邀请您成为企业财务管理的成员账号（${v.accountingMode} 财务模式；申请的权限：${v.permissions || '无'}）。请在 ${v.expiresAt} 前在"我的主账号"页面接受或拒绝，逾期邀请失效。`,
  }),
});
addTemplates('enterprise-invitation-result', {
  en: (v) => ({
    subject: `Enterprise member invitation ${v.result}`,
    body: `Your invitation of account ${v.memberAccountId} to become a member account was ${v.result} at ${v.at}.`,
  }),
  zh: (v) => ({
    subject: `企业成员邀请：${v.result}`,
    body: `您对账号 ${v.memberAccountId} 的成员账号邀请已于 ${v.at} ${v.result}。`,
  }),
});
addTemplates('enterprise-invitation-ended', {
  en: (v) => ({
    subject: `Enterprise member invitation ${v.result}`,
    body: `The invitation from ${v.enterpriseName} (account ${v.masterAccountId}) to become a member account was ${v.result} at ${v.at}. There is nothing to accept any more.`,
  }),
  zh: (v) => ({
    subject: `企业成员邀请：${v.result}`,
    body: `${v.enterpriseName}（账号 ${v.masterAccountId}）发给您的成员账号邀请已于 ${v.at} ${v.result}，无需再处理。`,
  }),
});
addTemplates('enterprise-disassociation-requested', {
  en: (v) => ({
    subject: 'A request to end your association with an enterprise master account',
    body: `${v.enterpriseName} (account ${v.masterAccountId}) requests to end its association with your account. Agree or reject it on My Master Account before ${v.expiresAt}; after that it lapses.`,
  }),
  zh: (v) => ({
    subject: '解除企业主账号关联的申请',
    body: `${v.enterpriseName}（账号 ${v.masterAccountId}）申请解除与您账号的关联。请在 ${v.expiresAt} 前在"我的主账号"页面同意或拒绝，逾期申请失效。`,
  }),
});
addTemplates('enterprise-disassociation-result', {
  en: (v) => ({
    subject: `Enterprise disassociation request ${v.result}`,
    body: `The request to end the association between master account ${v.masterAccountId} and member account ${v.memberAccountId} was ${v.result} at ${v.at}.${v.result === 'agreed' ? ' The association has ended.' : ' The association continues.'}`,
  }),
  zh: (v) => ({
    subject: `解除企业关联申请：${v.result}`,
    body: `解除主账号 ${v.masterAccountId} 与成员账号 ${v.memberAccountId} 关联的申请已于 ${v.at} ${v.result}。${v.result === 'agreed' ? '关联已解除。' : '关联继续有效。'}`,
  }),
});

export type EnterpriseNotice =
  | 'enterprise-invitation'
  | 'enterprise-invitation-result'
  | 'enterprise-invitation-ended'
  | 'enterprise-disassociation-requested'
  | 'enterprise-disassociation-result';

/** One outbox entry per account told (an account that no longer exists is skipped). */
export function enterpriseNotices(
  kind: EnterpriseNotice,
  vars: Record<string, string>,
  to: ReadonlyArray<AccountItem | undefined>,
): OutboxEntry[] {
  return to.flatMap((account) => (account ? [outboxEntry(messageFor(noticeTarget(account), kind, vars))] : []));
}
