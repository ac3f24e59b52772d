/**
 * Which SNS publish errors are permanent (issue 9 item 13): retrying the same message can never succeed
 * (an invalid phone number or address, a disabled endpoint, a publish the role may not make), so the
 * notice is abandoned at once. Everything else (throttling, 5xx, network) is transient and retried.
 * Classified by the SDK's error name, with or without the `Exception` suffix.
 */
const PERMANENT = new Set([
  'InvalidParameter',
  'InvalidParameterValue',
  'EndpointDisabled',
  'AuthorizationError',
  'NotFound',
  'ValidationException',
  'InvalidSecurity',
  'OptedOut',
]);

export function isPermanentPublishError(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return false;
  return PERMANENT.has(name) || PERMANENT.has(name.replace(/Exception$/, ''));
}
