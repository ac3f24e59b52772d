/**
 * Session and trusted-device tokens (R-LI-03, R-LI-05): opaque random tokens handed to the client once;
 * only their keyed hashes are stored. Each builder returns the item write so a use case can commit it
 * in the transaction of the sign-in it completes. Minting a session (newSession, sessionKeyOf) is
 * lib/core/sessions.ts' (sign-up opens one too).
 */
import { addSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { keyedHash, randomToken } from '../core/crypto.js';
import type { TransactItem } from '../core/store/writes.js';
import { devicePut, loadDevice, sessionDelete } from './store.js';

const deviceKeyOf = (token: string) => keyedHash('device', token);

/**
 * R-LI-03, R-LI-08, R-CL-11: a trusted browser is bound to the account's session epoch at the time it
 * was trusted. A password change, a reset and disabling all move the epoch on, so every browser trusted
 * before is refused from then on (records expire by TTL; no scan or delete of them is needed).
 */
export function newTrustedDevice(accountId: string, epoch: number): { token: string; write: TransactItem } {
  const at = now();
  const token = randomToken();
  const expiresAt = addSeconds(at, config.sessions.trustedDeviceSeconds);
  return {
    token,
    write: devicePut(deviceKeyOf(token), { accountId, epoch, createdAt: at.toISOString(), expiresAt: expiresAt.toISOString() }),
  };
}

/** R-LI-03, R-LI-08: is this device token a live trust of this account, given since its last credential change? */
export async function isTrustedDevice(token: string | undefined, account: { accountId: string; sessionEpoch: number }): Promise<boolean> {
  if (!token) return false;
  const device = await loadDevice(deviceKeyOf(token));
  return Boolean(
    device && device.accountId === account.accountId && device.epoch === account.sessionEpoch && device.expiresAt > now().toISOString(),
  );
}

export function revokeSession(sessionKey: string): TransactItem {
  return sessionDelete(sessionKey);
}
