/**
 * The accounts area's notice texts (R-AI-13, R-SEC-01), registered by the modules that send them (notices.ts,
 * lockout.ts, service-contact.ts). Issue 10 (bundle budget): kept out of lib/core/notify/templates.ts so that a
 * function sending only codes (sendVerificationCode) does not carry them (measured: -0.9 KB).
 */
import { addTemplates } from '../core/notify/templates.js';

addTemplates('contact-changed', {
  en: (v) => ({
    subject: 'Your account details changed',
    body: `The ${v.field} of your account was changed at ${v.time}. If this was not you, reset your password now.`,
  }),
  zh: (v) => ({
    subject: '您的账号信息已变更',
    body: `您账号的${v.field}已于 ${v.time} 变更。如非本人操作，请立即重置密码。`,
  }),
});
addTemplates('account-locked', {
  en: (v) => ({
    subject: 'Sign-in to your account is locked',
    body: `After too many failed attempts, sign-in was locked at ${v.time}. Reset your password with a code to unlock it. If this was not you, someone may be guessing your password.`,
  }),
  zh: (v) => ({
    subject: '您的帐号已锁定登录',
    body: `由于多次登录失败，您的帐号已于 ${v.time} 锁定登录。请通过验证码重置密码以解锁。如非本人操作，可能有人在尝试猜测您的密码。`,
  }),
});
