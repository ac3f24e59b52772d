/**
 * Real-name notices (issue 13 item 7): the applicant learns the decision — approved, or rejected with the reasons by
 * code, the refused material's slot and the operator's note (never the operator's ID) — through the outbox in the
 * transaction of the decision, at the account's notice address, in its language.
 */
import { type AccountItem, noticeTarget } from '../accounts/account.js';
import { messageFor } from '../core/notify/notice.js';
import { type OutboxEntry, outboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';

addTemplates('realname-approved', {
  en: (v) => ({
    subject: 'Real-name authentication approved',
    body: `Your real-name application ${v.applicationId} (${v.kind}) was approved at ${v.at}. Your account is now authenticated as ${v.name}.`,
  }),
  zh: (v) => ({
    subject: '实名认证已通过',
    body: `您的实名认证申请 ${v.applicationId}（${v.kind}）已于 ${v.at} 通过审核，账号已认证为 ${v.name}。`,
  }),
});
addTemplates('realname-rejected', {
  en: (v) => ({
    subject: 'Real-name authentication rejected',
    body: `Your real-name application ${v.applicationId} (${v.kind}) was rejected at ${v.at}. Reasons: ${v.reasons}. Submit again replacing the materials named; the others may be reused.`,
  }),
  zh: (v) => ({
    subject: '实名认证未通过',
    body: `您的实名认证申请 ${v.applicationId}（${v.kind}）已于 ${v.at} 被驳回。原因：${v.reasons}。请更换所列材料后重新提交，其他材料可继续使用。`,
  }),
});
addTemplates('realname-synchronized', {
  en: (v) => ({
    subject: 'Real-name authentication synchronized from your enterprise master account',
    body: `Your account is now authenticated as the enterprise ${v.name}, synchronized from the real-name authentication of your enterprise master account (${v.at}).`,
  }),
  zh: (v) => ({
    subject: '企业主账号的实名认证已同步',
    body: `您的账号已于 ${v.at} 同步企业主账号的实名认证信息，认证为企业 ${v.name}。`,
  }),
});

export type RealNameNotice = 'realname-approved' | 'realname-rejected' | 'realname-synchronized';

export function realNameNotice(kind: RealNameNotice, vars: Record<string, string>, to: AccountItem): OutboxEntry {
  return outboxEntry(messageFor(noticeTarget(to), kind, vars));
}
