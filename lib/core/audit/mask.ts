/** R-AU-02: old→new values in traces are masked. Pure. */
import { maskEmail, maskMobile } from '../contact/mask.js';

export function maskValue(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/email/i.test(field) && s.includes('@')) return maskEmail(s);
  if (/mobile|phone/i.test(field)) return maskMobile(s);
  if (/password/i.test(field)) return '********';
  if (s.length <= 2) return '*'.repeat(s.length);
  if (s.length <= 6) return `${s[0]}${'*'.repeat(s.length - 1)}`;
  return `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
}
