/**
 * Message texts per language (R-PR-01). A template gets plain values and returns subject and body;
 * unknown languages fall back to English. Codes appear only in the message, never in logs.
 */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

type Vars = Record<string, string | number>;
type Template = (v: Vars) => { subject: string; body: string };

const purposeText: Record<Language, Record<string, string>> = {
  en: {
    signup: 'sign up',
    'password-reset': 'reset your password',
    login: 'log in',
    'verify-identity': 'verify your identity',
    'new-mobile': 'bind this mobile number',
    'new-email': 'bind this email address',
    'security-phone': 'set this security phone number',
    'close-services': 'close your cloud services',
    'disable-services': 'disable your cloud services',
    'partner-disassociation': 'disassociate from your partner',
    'partner-operation': 'confirm a partner operation',
    'delete-huawei-id': 'delete your HUAWEI ID',
  },
  zh: {
    signup: '注册',
    'password-reset': '重置密码',
    login: '登录',
    'verify-identity': '验证身份',
    'new-mobile': '绑定该手机号',
    'new-email': '绑定该邮箱',
    'security-phone': '设置安全手机',
    'close-services': '注销云服务',
    'disable-services': '停用云服务',
    'partner-disassociation': '解除与伙伴的关联',
    'partner-operation': '确认伙伴操作',
    'delete-huawei-id': '删除您的华为帐号',
  },
};

const templates: Record<Language, Record<string, Template>> = {
  en: {
    'verification-code': (v) => ({
      subject: 'Your verification code',
      body: `Your verification code is ${v.code}. Use it within ${v.minutes} minutes to ${purposeText.en[String(v.purpose)] ?? 'continue'}. Never share it.`,
    }),
    generic: (v) => ({ subject: String(v.subject), body: String(v.body) }),
  },
  zh: {
    'verification-code': (v) => ({
      subject: '您的验证码',
      body: `您的验证码为 ${v.code}，${v.minutes} 分钟内有效，用于${purposeText.zh[String(v.purpose)] ?? '继续操作'}。请勿泄露给他人。`,
    }),
    generic: (v) => ({ subject: String(v.subjectZh ?? v.subject), body: String(v.bodyZh ?? v.body) }),
  },
};

export function languageOf(value: string | undefined): Language {
  return value?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function render(kind: string, language: string, vars: Vars): { subject: string; body: string } {
  const lang = languageOf(language);
  const template = templates[lang][kind] ?? templates.en[kind];
  if (!template) throw new Error(`no template for ${kind}`);
  return template(vars);
}

/** Registers more templates (capabilities add their notices). */
export function addTemplates(kind: string, perLanguage: Record<Language, Template>): void {
  for (const lang of LANGUAGES) templates[lang][kind] = perLanguage[lang];
}
