/** How contact values are shown when not revealed (R-AI-09, R-AU-02). Pure. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const shown = local.slice(0, Math.min(3, Math.max(1, local.length - 1)));
  return `${shown}${'*'.repeat(Math.max(3, local.length - shown.length))}@${domain}`;
}

/** `+86 138****5678` style: keep the country part and the last four digits. */
export function maskMobile(mobile: string): string {
  const m = mobile.replace(/[\s()-]/g, '');
  return `${m.slice(0, 3)}${'*'.repeat(Math.max(4, m.length - 7))}${m.slice(-4)}`;
}

export function maskDestination(channel: 'sms' | 'email', destination: string): string {
  return channel === 'email' ? maskEmail(destination) : maskMobile(destination);
}

/** A person's or company's name, hidden until revealed (R-PD-10): the first character, then `*`s. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(2, Math.min(chars.length - 1, 8)))}`;
}
