/**
 * The real-name area's lifecycle hook (issue 13 item 9, R-CL-11, R-RN-04). Disabling an account, in the disabling
 * transaction: releases its slot on the certificate counter (`realNameCertificate` on the account item, written at
 * approval) and withdraws its pending application (`realNamePending`: the application and its queue rows and timer
 * live outside the account's partition). Purging: the per-account index rows name the account's applications; each
 * application loses its personal details and keeps the retained record (IDs, kind, status, times, the decision's
 * status, time, operator and reason codes). The REALNAME state item is in the partition: the purge deletes it; the
 * material files go with the materials hook.
 */
import { nowIso } from '../core/clock.js';
import type { LifecycleHook, PurgedItem } from '../core/lifecycle.js';
import type { RealNameApplication, RealNamePending } from './model.js';
import { type CertificateKind, certificateRelease, redactApplication, withdrawWrites } from './store.js';

const INDEX_PREFIX = 'REALNAME_APP#';

/** The applications the purged items name (their per-account index rows). */
export const applicationIdsIn = (items: readonly PurgedItem[]): string[] =>
  items.filter((i) => i.sk.startsWith(INDEX_PREFIX)).map((i) => i.sk.slice(INDEX_PREFIX.length));

export const realnameLifecycle: LifecycleHook = {
  area: 'realname',
  onDisable(account) {
    const certificate = account.realNameCertificate as { kind: CertificateKind; hash: string } | undefined;
    const pending = account.realNamePending as RealNamePending | undefined;
    return [
      ...(certificate ? [certificateRelease(certificate.kind, certificate.hash, account.accountId)] : []),
      // The account item is replaced by the disable: only the application, its queue rows and timer are written here.
      ...(pending ? withdrawWrites(pending as unknown as RealNameApplication, nowIso(), false) : []),
    ];
  },
  async onPurge(accountId, items) {
    for (const applicationId of applicationIdsIn(items)) await redactApplication(accountId, applicationId);
  },
};
