/**
 * R-PD-08: the partner's administrator turns verification protection on or off. Turning it off is itself
 * protected: it needs a `partner-operation` code (else anyone holding the administrator's session could switch the
 * protection off first). Audited on the administrator's account.
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { InvalidCode, NotFound } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { partnerProtectionUpdate } from './disassociation-store.js';
import { type Verification, partnerOperationCode } from './protection.js';
import { requirePartnerStaff } from './staff.js';
import { loadPartner } from './store.js';

export async function setPartnerSettings(caller: AccountCaller, input: { verificationProtection: boolean; verification?: Verification }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const partner = await loadPartner(staff.partnerId);
  if (!partner) throw new NotFound();
  const turningOff = partner.verificationProtection && !input.verificationProtection;
  const consume = turningOff || input.verification ? await partnerOperationCode(caller, input.verification) : [];
  const at = nowIso();
  await transact(
    [
      ...consume,
      partnerProtectionUpdate(staff.partnerId, input.verificationProtection, at, staff.accountId),
      auditWrite({
        accountId: caller.accountId,
        traceName: 'setPartnerSettings',
        request: caller.origin,
        result: 'success',
        actor: `partner:${staff.partnerId}:${staff.accountId}`,
        changes: [{ field: 'verificationProtection', old: partner.verificationProtection, new: input.verificationProtection }],
      }),
    ],
    (failure) => (failure.failed('code') ? new InvalidCode() : new NotFound()),
  );
  return { verificationProtection: input.verificationProtection };
}
