/**
 * Who asks: the one input every use case takes besides its own. The edge builds it (a session, an
 * operator key, nobody yet) and the scheduler builds the `system` one; use cases never see HTTP.
 */
export interface Origin {
  requestId: string;
  sourceIp: string;
  userAgent: string;
  /** The Accept-Language the request carried (notices and codes are worded in it when no preference is set). */
  acceptLanguage?: string;
}

/** A signed-in account (R-SEC-02: its ID comes only from the session). */
export interface AccountCaller {
  kind: 'account';
  accountId: string;
  /** Keyed hash of the session token: identifies the session without holding the token. */
  sessionKey: string;
  /** The account's status when the session was checked (e.g. `closed`, R-CL-10). */
  status: string;
  origin: Origin;
}

/** Someone not signed in (sign-up, login, password reset, codes for those). */
export interface GuestCaller {
  kind: 'guest';
  origin: Origin;
}

/** An operator, named by the ID of its key; every action is audited with it (issue 9 item 9). */
export interface OperatorCaller {
  kind: 'operator';
  operatorId: string;
  origin: Origin;
}

/** The scheduler or another internal job. */
export interface SystemCaller {
  kind: 'system';
  job: string;
  origin: Origin;
}

export type Caller = AccountCaller | GuestCaller | OperatorCaller | SystemCaller;

/** The audit actor of a caller: the account itself, `operator:<id>`, or the job's name (e.g. `scheduler`). */
export function actorOf(caller: Caller): string {
  switch (caller.kind) {
    case 'account':
      return caller.accountId;
    case 'operator':
      return `operator:${caller.operatorId}`;
    case 'system':
      return caller.job;
    default:
      return 'guest';
  }
}

export function systemCaller(job: string, requestId: string): SystemCaller {
  return { kind: 'system', job, origin: { requestId, sourceIp: job, userAgent: job } };
}
