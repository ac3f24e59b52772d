/**
 * R-VC-05: what a code is for. A code of one purpose never satisfies another. The vocabulary every area's
 * code checks name (accounts, sessions, closure, huawei-id); which purposes a client may request, and where
 * their codes go, are verification's rules (lib/verification/purposes.ts).
 */
export const PURPOSES = [
  'signup',
  'password-reset',
  'login',
  'verify-identity',
  'new-mobile',
  'new-email',
  'security-phone',
  'close-services',
  'disable-services',
  'partner-disassociation',
  'partner-operation',
  'delete-huawei-id',
] as const;

export type Purpose = (typeof PURPOSES)[number];
