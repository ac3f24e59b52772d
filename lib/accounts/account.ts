/** The account item and pure helpers on it. Reads and writes live in ./store.ts. */
import type { AccountStatus } from '../core/account-status.js';
import { Conflict } from '../core/errors.js';
import type { NoticeTarget } from '../core/notify/notice.js';
import type { Channel } from '../core/notify/notifier.js';

export interface Preferences {
  messageLanguage: string;
  timeZone: string;
  currency?: string;
}

export interface AccountItem {
  pk: string;
  sk: string;
  accountId: string;
  status: AccountStatus;
  version: number;
  email: string;
  /** HUAWEI ID mobile (the security phone, R-SU-04): a login identifier. */
  mobile?: string;
  /** Service mobile/email (R-SU-06, R-AI-08/09): notices and identity verification, not login. */
  serviceMobile?: string;
  serviceEmail?: string;
  loginId: string;
  loginIdChanged?: boolean;
  tenantName: string;
  countryRegion: string;
  accountType: 'unset' | 'individual' | 'enterprise';
  authStatus: 'unauthenticated' | 'pending' | 'authenticated';
  fullName?: string;
  enterpriseName?: string;
  passwordHash: string;
  /** Sessions carry the epoch they were issued in; bumping it revokes them all (R-LI-05). */
  sessionEpoch: number;
  /** R-SEC-01: consecutive failed password or code attempts. */
  failedAttempts: number;
  lockedAt?: string;
  preferences: Preferences;
  paymentMethod: { status: 'none' | 'bound' | 'failed'; reason?: string };
  createdAt: string;
  enabledAt?: string;
  agreementsAcceptedAt?: string;
  [extra: string]: unknown;
}

/** Where a code for the account goes on a channel: the service contact first, then the HUAWEI ID one. */
export function contactFor(account: AccountItem, channel: Channel): string | undefined {
  return channel === 'email' ? (account.serviceEmail ?? account.email) : (account.serviceMobile ?? account.mobile);
}

/** Where an account reads notices from other areas (partners, enterprise): its service email first, in its language and time zone. */
export function noticeTarget(account: AccountItem): NoticeTarget {
  return {
    channel: 'email',
    to: account.serviceEmail ?? account.email,
    language: account.preferences?.messageLanguage ?? 'en',
    ...(account.preferences?.timeZone ? { timeZone: account.preferences.timeZone } : {}),
  };
}

export function channelsOf(account: AccountItem): Channel[] {
  return (['sms', 'email'] as const).filter((c) => contactFor(account, c) !== undefined);
}

/** A condition on what the decision read failed: someone changed it between our read and write. */
export const staleAccount = () => new Conflict('STATE_CONFLICT', 'The account changed meanwhile; try again.');
