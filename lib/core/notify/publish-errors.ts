/**
 * How an SNS publish error is handled (issue 9 item 13), by the SDK's error name with or without the
 * `Exception` suffix:
 * - `message`: tied to this one message (an invalid number or address, a disabled endpoint, an opted-out
 *   destination): retrying it can never succeed, so the notice is abandoned at once;
 * - `stack`: the stack is misconfigured (the role may not publish, the topic or its KMS key is missing or
 *   refused): every notice fails alike until an operator fixes it, so it is retried with back-off up to the
 *   attempt cap and alarmed on at once, never abandoned on the first attempt;
 * - `transient`: everything else (throttling, 5xx, network): retried with back-off.
 */
export type PublishErrorKind = 'message' | 'stack' | 'transient';

const MESSAGE = new Set(['InvalidParameter', 'InvalidParameterValue', 'EndpointDisabled', 'OptedOut', 'ValidationException', 'Validation']);
const STACK = new Set(['AuthorizationError', 'NotFound', 'InvalidSecurity', 'PlatformApplicationDisabled']);

export function publishErrorKind(error: unknown): PublishErrorKind {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return 'transient';
  const bare = name.replace(/Exception$/, '');
  if (MESSAGE.has(name) || MESSAGE.has(bare)) return 'message';
  if (STACK.has(bare) || (bare.startsWith('KMS') && bare !== 'KMSThrottling')) return 'stack';
  return 'transient';
}
