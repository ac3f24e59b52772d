/** Enabling cloud services (R-SU-05, R-AI-12): agreements accepted; country/region fixed from then on. */
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { transact } from '../core/store/writes.js';
import { accountUpdate, requireAccount, staleAccount } from './account.js';


export async function enableServices(session: Session, input: { countryRegion?: string }, request: RequestInfo) {
  const account = await requireAccount(session.accountId);
  if (account.status !== 'registered') {
    throw new Conflict('STATE_CONFLICT', 'Cloud services are already enabled for this account.');
  }
  const enabledAt = nowIso();
  await transact(
    [
      accountUpdate(
        account,
        { status: 'active', enabledAt, agreementsAcceptedAt: enabledAt, ...(input.countryRegion ? { countryRegion: input.countryRegion } : {}) },
        { expectStatus: ['registered'] },
      ),
      auditWrite({
        accountId: account.accountId,
        traceName: 'enableServices',
        request,
        result: 'success',
        changes: input.countryRegion ? [{ field: 'countryRegion', old: account.countryRegion, new: input.countryRegion }] : [],
      }),
    ],
    staleAccount,
  );
  return { status: 'active' as const, enabledAt };
}

export async function changeCountryRegion(session: Session, countryRegion: string) {
  const account = await requireAccount(session.accountId);
  if (account.status !== 'registered') {
    throw new RuleViolation('NOT_ALLOWED', 'The country/region cannot change after cloud services are enabled.', [
      { condition: 'services-enabled', message: 'The country/region is fixed once services are enabled.' },
    ]);
  }
  await transact(
    [accountUpdate(account, { countryRegion }, { expectStatus: ['registered'] })],
    staleAccount,
  );
  return { countryRegion };
}

