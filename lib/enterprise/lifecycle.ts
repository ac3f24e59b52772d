/**
 * The enterprise area's lifecycle hook (issue 12): disabling an account removes its Enterprise Center profile (it
 * lives outside the account's partition, so the purge would not reach it) in the disabling transaction. A master
 * with members, or a member, cannot close in the first place (R-CL-03 `enterprise-associated`); the former-member
 * windows (R-MM-05) stay: they are the record of which orders the master paid for.
 */
import type { LifecycleHook } from '../core/lifecycle.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';

export const enterpriseLifecycle: LifecycleHook = {
  area: 'enterprise',
  onDisable: (account) => [{ Delete: { TableName: TABLE(), Key: keys.enterpriseProfile(account.accountId) } }],
};
