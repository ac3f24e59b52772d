/** Closure notices (R-CL-04, R-CL-06, R-CL-07, R-CL-11), in the account's language and time zone. */
import type { AccountItem } from '../accounts/account.js';
import { type NoticeTarget, messageFor } from '../core/notify/notice.js';
import type { Message } from '../core/notify/notifier.js';
import type { OutboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';
import { noticeEntries } from '../recipients/notices.js';

addTemplates('closure-check-failed', {
  en: (v) => ({
    subject: 'Your cloud services cannot be closed yet',
    body: `The closure check found: ${v.failures}. Resolve them and apply again.`,
  }),
  zh: (v) => ({ subject: '暂时无法注销云服务', body: `注销检查未通过：${v.failures}。请处理后重新申请。` }),
});
addTemplates('closure-check-passed', {
  en: (v) => ({
    subject: 'Your cloud services may be closed',
    body: `The closure check at ${v.checkedAt} passed: you may proceed to close your cloud services within ${v.minutes} minutes. If this was not you, reset your password now.`,
  }),
  zh: (v) => ({
    subject: '您可以注销云服务',
    body: `${v.checkedAt} 的注销检查已通过：请在 ${v.minutes} 分钟内继续注销云服务。如非本人操作，请立即重置密码。`,
  }),
});
addTemplates('services-closed', {
  en: (v) => ({
    subject: 'Your cloud services are closed',
    body: `Your cloud services were closed at ${v.closedAt}. From ${v.actionsAllowedFrom} you may restore or disable them; they are disabled automatically at ${v.autoDisableAt}.`,
  }),
  zh: (v) => ({
    subject: '您的云服务已注销',
    body: `您的云服务已于 ${v.closedAt} 注销。自 ${v.actionsAllowedFrom} 起可恢复或停用；${v.autoDisableAt} 将自动停用。`,
  }),
});
addTemplates('closure-actions-allowed', {
  en: (v) => ({
    subject: 'You may now restore or disable your cloud services',
    body: `24 hours have passed since closing. Restore or disable your cloud services before ${v.autoDisableAt}.`,
  }),
  zh: (v) => ({ subject: '现在可以恢复或停用云服务', body: `注销已满 24 小时。请在 ${v.autoDisableAt} 前恢复或停用云服务。` }),
});
addTemplates('services-restored', {
  en: () => ({ subject: 'Your cloud services are restored', body: 'Your cloud services are active again.' }),
  zh: () => ({ subject: '您的云服务已恢复', body: '您的云服务已恢复正常使用。' }),
});
addTemplates('services-disabled', {
  en: (v) => ({
    subject: 'Your cloud services are disabled',
    body: `Your cloud services were disabled at ${v.disabledAt} and their data is deleted. Your HUAWEI ID still exists with its email, mobile number, login ID and password; you may delete it separately. Invoices and transaction records are kept as the law requires.`,
  }),
  zh: (v) => ({
    subject: '您的云服务已停用',
    body: `您的云服务已于 ${v.disabledAt} 停用，云服务数据已删除。您的华为帐号（邮箱、手机号、登录名和密码）仍然保留，可另行删除。发票和交易记录依法保留。`,
  }),
});

export function noticeTo(account: AccountItem): NoticeTarget {
  return {
    channel: 'email',
    to: account.serviceEmail ?? account.email,
    language: account.preferences.messageLanguage,
    timeZone: account.preferences.timeZone,
  };
}

export function closureNotice(account: AccountItem, kind: string, vars: Record<string, string>): Message {
  return messageFor(noticeTo(account), kind, vars);
}

/** The notice and its copies to the account's recipients subscribed to closure notices (R-PR-03), as outbox entries. */
export function closureNotices(account: AccountItem, kind: string, vars: Record<string, string>): Promise<OutboxEntry[]> {
  return noticeEntries(account, noticeTo(account), kind, vars);
}
