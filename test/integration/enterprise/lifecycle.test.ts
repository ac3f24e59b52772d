/**
 * Issue 12: a master's Enterprise Center goes with its account. Its profile lives outside the account's partition
 * (`ENTERPRISE#<id>`), so the enterprise lifecycle hook deletes it in the disabling transaction (R-CL-11: nothing of
 * a disabled account is left to act on; an invitation it sent can no longer be accepted: R-MM-01).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/core/clock.js';
import { loadProfile } from '../../../lib/enterprise/store.js';
import { close, disable, runCheck } from '../../support/closure.js';
import { enabledMaster } from '../../support/enterprise.js';
import { PASSWORD, login } from '../../support/identity.js';

const HOUR = 3600_000;

afterEach(() => setClockOffset(0));

describe('enterprise lifecycle (issue 12)', () => {
  it('R-CL-11, R-MM-01: disabling a master (no members) removes its Enterprise Center profile with the disable', async () => {
    const master = await enabledMaster();
    expect(await loadProfile(master.accountId)).toBeDefined();
    const check = await runCheck(master);
    expect(check.body.passed, JSON.stringify(check.body)).toBe(true);
    expect((await close(master.token, check.body.checkId)).status).toBe(200);
    // Closed (restorable for 24 hours): Enterprise Center is kept.
    expect(await loadProfile(master.accountId)).toBeDefined();
    setClockOffset(25 * HOUR);
    const token = (await login(master.email, PASSWORD, 'email', master.email)).body.token as string;
    const disabled = await disable({ ...master, token });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(await loadProfile(master.accountId)).toBeUndefined();
  });
});
