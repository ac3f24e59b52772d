/**
 * Session and trusted-device tokens (R-LI-03, R-LI-05): opaque random tokens handed to the client once;
 * only their keyed hashes are stored. Each builder returns the item write so a use case can commit it
 * in the transaction of the sign-in it completes.
 */
import { addSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { keyedHash, randomToken } from '../core/crypto.js';
import type { TransactItem } from '../core/store/writes.js';
import { devicePut, loadDevice, sessionDelete, sessionPut } from './store.js';

export function sessionKeyOf(token: string): string {
  return keyedHash('session', token);
}

export interface NewSession {
  token: string;
  expiresAt: string;
  write: TransactItem;
}

export function newSession(accountId: string, epoch: number): NewSession {
  const at = now();
  const token = randomToken();
  const absoluteExpiresAt = addSeconds(at, config.sessions.absoluteSeconds).toISOString();
  const idleExpiresAt = addSeconds(at, config.sessions.idleSeconds).toISOString();
  return {
    token,
    expiresAt: idleExpiresAt,
    write: sessionPut(sessionKeyOf(token), {
      accountId,
      epoch,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      idleExpiresAt,
      absoluteExpiresAt,
    }),
  };
}

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
  return { token, write: devicePut(deviceKeyOf(token), { accountId, epoch, createdAt: at.toISOString(), expiresAt: expiresAt.toISOString() }) };
}

/** R-LI-03, R-LI-08: is this device token a live trust of this account, given since its last credential change? */
export async function isTrustedDevice(token: string | undefined, account: { accountId: string; sessionEpoch: number }): Promise<boolean> {
  if (!token) return false;
  const device = await loadDevice(deviceKeyOf(token));
  return Boolean(device && device.accountId === account.accountId && device.epoch === account.sessionEpoch && device.expiresAt > now().toISOString());
}

export function revokeSession(sessionKey: string): TransactItem {
  return sessionDelete(sessionKey);
}
