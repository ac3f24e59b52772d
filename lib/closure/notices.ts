/** Closure notices (R-CL-04, R-CL-06, R-CL-07, R-CL-11), in the account's language and time zone. */
import type { AccountItem } from '../accounts/account.js';
import { type NoticeTarget, messageFor } from '../notify/notice.js';
import type { Message } from '../notify/notifier.js';
import { addTemplates } from '../notify/templates.js';

addTemplates('closure-check-failed', {
  en: (v) => ({ subject: 'Your cloud services cannot be closed yet', body: `The closure check found: ${v.failures}. Resolve them and apply again.` }),
  zh: (v) => ({ subject: '暂时无法注销云服务', body: `注销检查未通过：${v.failures}。请处理后重新申请。` }),
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
  en: (v) => ({ subject: 'You may now restore or disable your cloud services', body: `24 hours have passed since closing. Restore or disable your cloud services before ${v.autoDisableAt}.` }),
  zh: (v) => ({ subject: '现在可以恢复或停用云服务', body: `注销已满 24 小时。请在 ${v.autoDisableAt} 前恢复或停用云服务。` }),
});
addTemplates('services-restored', {
  en: () => ({ subject: 'Your cloud services are restored', body: 'Your cloud services are active again.' }),
  zh: () => ({ subject: '您的云服务已恢复', body: '您的云服务已恢复正常使用。' }),
});
addTemplates('services-disabled', {
  en: (v) => ({
    subject: 'Your cloud services are disabled',
    body: `Your cloud services were disabled at ${v.disabledAt} and your personal data is deleted. Your HUAWEI ID still exists. Invoices and transaction records are kept as the law requires.`,
  }),
  zh: (v) => ({
    subject: '您的云服务已停用',
    body: `您的云服务已于 ${v.disabledAt} 停用，个人数据已删除。您的华为帐号仍然保留。发票和交易记录依法保留。`,
  }),
});

export function noticeTo(account: AccountItem): NoticeTarget {
  return { channel: 'email', to: account.serviceEmail ?? account.email, language: account.preferences.messageLanguage, timeZone: account.preferences.timeZone };
}

export function closureNotice(account: AccountItem, kind: string, vars: Record<string, string>): Message {
  return messageFor(noticeTo(account), kind, vars);
}
