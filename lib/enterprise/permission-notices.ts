/** R-MM-08: the master is told when its member changes the permissions it granted (issue 12 route 7). */
import type { AccountItem } from '../accounts/account.js';
import { messageFor } from '../core/notify/notice.js';
import { type OutboxEntry, outboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';
import { noticeTarget } from '../accounts/account.js';

addTemplates('enterprise-permissions-changed', {
  en: (v) => ({
    subject: 'A member account changed the permissions it grants you',
    body: `Member account ${v.memberAccountId} changed the permissions it grants your master account at ${v.at}. Granted now: ${v.permissions || 'none'}.`,
  }),
  zh: (v) => ({
    subject: '成员账号修改了授予您的权限',
    body: `成员账号 ${v.memberAccountId} 已于 ${v.at} 修改授予您主账号的权限。当前授予：${v.permissions || '无'}。`,
  }),
});

export function permissionsChangedNotices(vars: Record<string, string>, master: AccountItem | undefined): OutboxEntry[] {
  return master ? [outboxEntry(messageFor(noticeTarget(master), 'enterprise-permissions-changed', vars))] : [];
}
