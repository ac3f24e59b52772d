/** Notices of the accounts area (R-AI-13): the owner hears of a password change. */
import { nowIso } from '../core/clock.js';
import { sendAccountNotice } from '../recipients/notices.js';
import './notice-templates.js';
import type { AccountItem } from './account.js';

export async function noticePasswordChanged(account: AccountItem): Promise<void> {
  await sendAccountNotice(
    account,
    {
      channel: 'email',
      to: account.serviceEmail ?? account.email,
      language: account.preferences.messageLanguage,
      timeZone: account.preferences.timeZone,
    },
    'contact-changed',
    { field: account.preferences.messageLanguage === 'zh' ? '密码' : 'password', time: nowIso() },
  );
}
