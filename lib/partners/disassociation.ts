/**
 * The disassociation engine the use cases share (R-PD-01..08): what a side's checks judge (one read of the facts,
 * the customer's currency, the quota windows and the pending request), opening a request with its quota uses in
 * the handshake's transaction (exact under races: a lost race re-reads and re-judges), and deciding one (agree →
 * the association ends in the same transaction). Both sides are told through the outbox.
 */
import { associationLogWrites } from './association-log.js';
import type { AccountItem } from '../accounts/account.js';
import { findAccount } from '../accounts/store.js';
import type { LogActor, LogEvent } from '../core/association-log/log.js';
import { auditWrite } from '../core/audit/audit.js';
import type { Origin } from '../core/caller.js';
import { loadFacts } from '../core/checks/store.js';
import { addSeconds, now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { Conflict, InvalidCode, NotFound, RuleViolation } from '../core/errors.js';
import { type HandshakeMove, type HandshakeRequest, type MoveRefusal, decide } from '../core/handshake/machine.js';
import { createHandshake, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { type QuotaWindow, quotaState, quotaUseWrite, readQuotaWindows } from '../core/quota/store.js';
import { partnersConfig } from '../core/config.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import {
  type CheckAnswer,
  CUSTOMER_CONDITIONS,
  type DisassociationFacts,
  PARTNER_CONDITIONS,
  customerChecks,
  partnerChecks,
  requestsVisible,
} from './disassociation-rules.js';
import { evaluate } from '../core/checks/conditions.js';
import { disassociationNotices } from './disassociation-notices.js';
import { partnerSide, resultNotices } from './disassociation-parties.js';
import { associationUnchanged, customerQuotaScope, openDisassociationRequest, pairQuotaScope } from './disassociation-store.js';
import { expireLapsedDisassociation } from './expireDisassociation.js';
import { PARTNER_DISASSOCIATION } from './kinds.js';
import type { Association, Partner } from './model.js';
import { associationEndWrites, loadPartnerCustomer } from './store.js';

export type Side = 'customer' | 'partner';

export interface Visible {
  requestsLeft: number;
  nextRequestPossibleAt?: string;
}

export interface DisassociationState {
  facts: DisassociationFacts;
  windows: QuotaWindow[];
  visible: Visible;
  customer: AccountItem | undefined;
  /** The request pending between the customer and its partner, if any. */
  pending: HandshakeRequest | undefined;
  /** A request past its `expiresAt` the scheduler has not expired yet: no longer pending for the checks. */
  lapsed: HandshakeRequest | undefined;
}

// Used by the other disassociation use cases through this module.
export { partnerSide, resultNotices };

/** The windows a side's request uses: the customer's own and the pair's (customer), the pair's (partner). */
function quotaScopes(side: Side, a: Association) {
  const pair = { scope: pairQuotaScope(a.partnerId, a.customerId), limit: partnersConfig.pairRequestQuota };
  return side === 'customer' ? [{ scope: customerQuotaScope(a.customerId), limit: partnersConfig.customerRequestQuota }, pair] : [pair];
}

/** One read of everything a side's checks judge, at `at`. */
export async function loadDisassociationState(a: Association, side: Side, at: Date): Promise<DisassociationState> {
  const [facts, customer, windows, { pending, lapsed }] = await Promise.all([
    loadFacts(a.customerId),
    findAccount(a.customerId),
    readQuotaWindows(quotaScopes(side, a)),
    openDisassociationRequest(a.customerId, at),
  ]);
  const visible = requestsVisible(windows.map((w) => quotaState(w, at)));
  const { associations } = facts;
  return {
    facts: {
      model: a.model,
      standing: facts.standing,
      enterpriseAssociated: associations.enterpriseAssociated || associations.enterpriseMember,
      independentMembers: associations.masterWithIndependentMembers,
      unifiedMembersServiceSupport: associations.unifiedMembersServiceSupport,
      // R-PD-02 "currency not set": the transaction currency of the account's preferences (R-PR-02).
      currencySet: Boolean(customer?.preferences?.currency),
      requestsLeft: visible.requestsLeft,
      requestPending: pending !== undefined,
    },
    windows,
    visible,
    customer,
    pending,
    lapsed,
  };
}

export const checksOf = (side: Side, facts: DisassociationFacts): CheckAnswer =>
  side === 'customer' ? customerChecks(facts) : partnerChecks(facts);

/** The refusal of failed checks: QUOTA_EXCEEDED when the quota is among them, else CHECK_FAILED; both say what is left. */
export function refusal(result: CheckAnswer, visible: Visible): RuleViolation {
  const quota = result.failures.some((f) => f.condition === 'request-quota');
  const error = new RuleViolation(
    quota ? 'QUOTA_EXCEEDED' : 'CHECK_FAILED',
    quota ? 'No more disassociation requests are possible for now.' : 'The disassociation checks failed; handle the failures first.',
    result.failures,
  );
  error.details.requestsLeft = visible.requestsLeft;
  if (visible.nextRequestPossibleAt) error.details.nextRequestPossibleAt = visible.nextRequestPossibleAt;
  return error;
}

/** Conditions still judged when a request is agreed to: the initiator side's, without the request's own (quota, pending). */
const REQUEST_ONLY = new Set(['request-quota', 'request-pending', 'not-reseller']);
function agreeChecks(initiatorSide: Side, facts: DisassociationFacts): CheckAnswer {
  const table = (initiatorSide === 'customer' ? CUSTOMER_CONDITIONS : PARTNER_CONDITIONS).filter((c) => !REQUEST_ONLY.has(c.condition));
  const { passed, groups } = evaluate(table, facts, [initiatorSide]);
  return { passed, failures: groups.flatMap((g) => g.failures) };
}

export const staleAssociation = () => new Conflict('STATE_CONFLICT', 'The association changed meanwhile; try again.');

export interface Opening {
  side: Side;
  association: Association;
  /** Who opened it, for the log and the customer's audit traces. */
  actor: LogActor;
  auditActor: string;
  origin: Pick<Origin, 'requestId' | 'sourceIp'>;
  payload: Record<string, unknown>;
  /** Written with the request (e.g. the consumed code). */
  extra: TransactItem[];
  /** The partner, when the caller has loaded it. */
  partner?: Partner;
}

/**
 * Opens a request (R-PD-01, R-PD-04) after the side's checks pass, with the quota uses (R-PD-03, R-PD-06), the
 * log entry, the customer's audit trace and the notice to the other side in the same transaction. A quota or open
 * claim lost to a racing request is re-read and re-judged, so the loser is answered with what it lost to.
 */
export async function openDisassociation(o: Opening): Promise<HandshakeRequest> {
  const a = o.association;
  const { partner, admin } = await partnerSide(a.partnerId, o.partner);
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const state = await loadDisassociationState(a, o.side, at);
    const result = checksOf(o.side, state.facts);
    if (!result.passed) throw refusal(result, state.visible);
    // A lapsed request still holds the pair's open claim until it is expired: expire it now (as the scheduler would:
    // logged, both sides told; conditional, so a racing scheduler run expires it once), then open the new one.
    if (state.lapsed) await expireLapsedDisassociation(state.lapsed, at);
    const id = newId('dr_');
    const expiresAt = addSeconds(at, PARTNER_DISASSOCIATION.expirySeconds).toISOString();
    const tags = o.side === 'customer' ? ['customer-quota', 'pair-quota'] : ['pair-quota'];
    const customerParty = { id: a.customerId, role: 'customer' };
    const partnerParty = { id: a.partnerId, role: 'partner' };
    const reason = typeof o.payload.reason === 'string' ? o.payload.reason : undefined;
    const payload: Record<string, unknown> = {
      ...o.payload,
      partnerId: a.partnerId,
      customerId: a.customerId,
      customerName: a.customerName,
      customerAccount: a.customerAccount,
      model: a.model,
    };
    const notices = disassociationNotices(
      'partner-disassociation-requested',
      {
        requester: o.side === 'customer' ? `Customer ${a.customerName}` : `Partner ${partner?.name ?? a.partnerId}`,
        partnerName: partner?.name ?? a.partnerId,
        customerName: a.customerName,
        reason: reason ?? '',
        expiresAt,
      },
      [o.side === 'customer' ? admin : state.customer],
    );
    const extra = [
      associationUnchanged(a),
      ...state.windows.map((w, i) => quotaUseWrite(w, at, tags[i])),
      ...o.extra,
      ...associationLogWrites(a, {
        event: 'disassociation-requested',
        time: at.toISOString(),
        actor: o.actor,
        details: { requestId: id, initiator: o.side, expiresAt, ...(reason ? { reason } : {}) },
      }),
      auditWrite({
        accountId: a.customerId,
        traceName: 'requestPartnerDisassociation',
        request: o.origin,
        result: 'success',
        actor: o.auditActor,
        changes: [{ field: 'partnerDisassociationRequest', new: id }],
      }),
      ...notices.map((n) => n.write),
    ];
    try {
      const opened = await createHandshake(
        PARTNER_DISASSOCIATION,
        {
          id,
          initiator: o.side === 'customer' ? customerParty : partnerParty,
          counterparty: o.side === 'customer' ? partnerParty : customerParty,
          payload,
        },
        at,
        extra,
      );
      if (opened.ok) {
        await publishNow(notices.map((n) => n.pending));
        return opened.request;
      }
      if (opened.reason !== 'open-request-exists') throw new Error(`disassociation request refused by the machine: ${opened.reason}`);
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failed('code')) throw new InvalidCode();
      if (error.failed('association')) throw staleAssociation();
    }
    // Lost a race (quota version or the open claim): judge again on what is there now.
    if (attempt >= 3) throw new Conflict('STATE_CONFLICT', 'Other requests changed the quota meanwhile; try again.');
  }
}

/** A refused move, as the caller sees it. */
export function moveRefusal(reason: MoveRefusal | 'not-found'): Error {
  switch (reason) {
    case 'not-found':
    case 'not-your-request':
      return new NotFound();
    case 'not-pending':
      return new Conflict('STATE_CONFLICT', 'The request was already decided, withdrawn or has lapsed.');
    case 'expired':
      return new RuleViolation('NOT_ALLOWED', 'The request has lapsed.', [
        { condition: 'expired', message: 'The request lapsed; a new request is needed.' },
      ]);
    case 'initiator-cannot-accept':
    case 'initiator-cannot-reject':
      return new RuleViolation('NOT_ALLOWED', 'The other side decides this request.', [
        { condition: 'own-request', message: 'You opened this request; the other side agrees or rejects it.' },
      ]);
    default:
      return new RuleViolation('NOT_ALLOWED', 'This move is not possible.', [{ condition: reason, message: 'This move is not possible.' }]);
  }
}

export interface Deciding {
  request: HandshakeRequest;
  /** The deciding party (customer ID or partner ID). */
  party: string;
  agree: boolean;
  actor: LogActor;
  auditActor: string;
  origin: Pick<Origin, 'requestId' | 'sourceIp'>;
  extra?: TransactItem[];
  /** The partner, when the caller has loaded it. */
  partner?: Partner;
}

/** Result names of API.md. */
const RESULT: Record<'accept' | 'reject', 'approved' | 'rejected'> = { accept: 'approved', reject: 'rejected' };

/**
 * Agrees to or rejects a pending request as its counterparty (R-PD-01, R-PD-04). Agreeing ends the association in
 * the same transaction (the association item and pointer deleted, the facts cleared, `disassociated` logged) after
 * the initiator side's conditions are judged again; both sides are told the result.
 */
export async function decideDisassociation(d: Deciding): Promise<{ status: 'approved' | 'rejected' }> {
  const move: HandshakeMove = d.agree ? 'accept' : 'reject';
  const at = now();
  const early = decide(d.request, { party: d.party }, move, at);
  if (!early.ok) throw moveRefusal(early.reason);
  const { partnerId, customerId } = d.request.payload as { partnerId: string; customerId: string };
  const association = await loadPartnerCustomer(partnerId, customerId);
  if (!association) throw moveRefusal('not-pending');
  const initiatorSide: Side = d.request.initiator.role === 'customer' ? 'customer' : 'partner';
  // Agreeing judges the initiator side again (one read of its facts); rejecting needs only who is told.
  const [state, { partner, admin }] = await Promise.all([
    d.agree ? loadDisassociationState(association, initiatorSide, at) : undefined,
    partnerSide(partnerId, d.partner),
  ]);
  if (state) {
    const result = agreeChecks(initiatorSide, state.facts);
    if (!result.passed) throw refusal(result, state.visible);
  }
  const customer = state ? state.customer : await findAccount(customerId);
  const status = RESULT[move as 'accept' | 'reject'];
  // `disassociated` follows the decision in the records (1 ms later, so a page by time lists them in that order).
  const entry = (event: LogEvent, later = 0) =>
    associationLogWrites(association, {
      event,
      time: new Date(at.getTime() + later).toISOString(),
      actor: d.actor,
      details: { requestId: d.request.id, initiator: initiatorSide },
    });
  const notices = resultNotices('partner-disassociation-result', { result: status, at: at.toISOString() }, association, partner, [
    customer,
    admin,
  ]);
  const extra: TransactItem[] = [
    ...(d.extra ?? []),
    ...(d.agree
      ? [...associationEndWrites(association), ...entry('disassociation-agreed'), ...entry('disassociated', 1)]
      : entry('disassociation-rejected')),
    auditWrite({
      accountId: customerId,
      traceName: 'decidePartnerDisassociation',
      request: d.origin,
      result: 'success',
      actor: d.auditActor,
      changes: [{ field: 'partnerDisassociationRequest', old: 'pending', new: status }],
    }),
    ...notices.map((n) => n.write),
  ];
  try {
    const moved = await moveHandshake(d.request.id, { party: d.party }, move, at, extra);
    if (!moved.ok) throw moveRefusal(moved.reason);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.failed('code')) throw new InvalidCode();
    throw staleAssociation();
  }
  await publishNow(notices.map((n) => n.pending));
  return { status };
}
