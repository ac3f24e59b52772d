/**
 * A route's contract: method, path, who may call it and the zod schemas of what goes in and out.
 * The same object drives request validation (lib/core/http/middlewares/validate-request.ts) and the
 * OpenAPI document (lib/core/http/openapi.ts), so the two cannot drift apart.
 */
import type * as z from 'zod/mini';
import type { AccountCaller, GuestCaller, OperatorCaller } from '../caller.js';
import type { Operator } from '../operators.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
/** `optional`: a Bearer token is authenticated when present (e.g. purposes of a code that need a session). */
export type Auth = 'none' | 'session' | 'optional' | 'operator';
type Schema = z.ZodMiniType;

export interface RouteSpec<
  B extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
  A extends Auth = Auth,
> {
  operationId: string;
  method: Method;
  /** API Gateway / OpenAPI path, e.g. /v1/closure/checks/{checkId}. */
  path: string;
  summary: string;
  tags: string[];
  auth: A;
  /** Exists only in the local stage. */
  localOnly?: boolean;
  /** R-CL-10: a mutating session route refuses closed accounts unless this is set (restore, disable, logout). */
  allowedWhenClosed?: boolean;
  /** Honours the Idempotency-Key header (R-SEC-04). */
  idempotent?: boolean;
  body?: B;
  /** A body that is not JSON (bytes), for the OpenAPI document only; the handler reads `request.rawBody`. */
  rawBody?: { contentType: string; description: string };
  params?: P;
  query?: Q;
  success: { status: number; description: string; schema?: R };
  /** Other success answers of the same route (e.g. 201 for a trusted device), for the OpenAPI document. */
  otherSuccesses?: Array<{ status: number; description: string; schema?: Schema }>;
  /** Error statuses this route may answer, besides 400/401/500 which every route may. */
  errors?: number[];
}

export function defineRoute<
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  A extends Auth = Auth,
>(spec: RouteSpec<B, P, Q, R, A>): RouteSpec<B, P, Q, R, A> {
  return spec;
}

type Infer<S> = [NonNullable<S>] extends [never] ? undefined : NonNullable<S> extends Schema ? z.infer<NonNullable<S>> : undefined;
type InferInput<S> = [NonNullable<S>] extends [never] ? undefined : NonNullable<S> extends Schema ? z.input<NonNullable<S>> : undefined;

export interface Session {
  accountId: string;
  /** Keyed hash of the session token: identifies the session without holding the token. */
  sessionKey: string;
  status: string;
}

export interface RequestInfo {
  requestId: string;
  /** The HTTP method and path as asked (the default route names them in its answer). */
  method?: string;
  path?: string;
  sourceIp: string;
  userAgent: string;
  headers: Record<string, string | undefined>;
  /** The body as bytes (binary uploads to the local stage); JSON routes use `body` instead. */
  rawBody?: Buffer;
}

export interface HandlerInput<Spec extends RouteSpec> {
  body: Infer<Spec['body']>;
  params: Infer<Spec['params']>;
  query: Infer<Spec['query']>;
  session: Spec['auth'] extends 'session' ? Session : Spec['auth'] extends 'optional' ? Session | undefined : undefined;
  /** Who called an operator route (its audit actor). */
  operator: Spec['auth'] extends 'operator' ? Operator : undefined;
  request: RequestInfo;
  /** Who asks, as use cases take it (lib/core/caller.ts). */
  caller: Spec['auth'] extends 'session'
    ? AccountCaller
    : Spec['auth'] extends 'operator'
      ? OperatorCaller
      : Spec['auth'] extends 'optional'
        ? AccountCaller | GuestCaller
        : GuestCaller;
}

export interface HandlerOutput<Spec extends RouteSpec> {
  status?: number;
  body?: InferInput<Spec['success']['schema']>;
  headers?: Record<string, string>;
}
