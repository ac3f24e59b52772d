// The ONE validator of CORS origins (issue 9 items 4 and 10): sls/cors.cjs imports it at package time and
// lib/core/config-env.ts at cold start, so an origin that packages is an origin every function starts with.
// Plain JavaScript (ESM, no dependencies) so that the Serverless Framework can import it while packaging.

/** The browser origins the local stage allows: localhost only. */
export const LOCAL_CORS_ORIGINS = Object.freeze([
  'http://localhost:3000',
  'http://127.0.0.1:3000',
  'http://localhost:5173',
  'http://localhost:8080',
]);

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1):\d{1,5}$/;
// Lower-case DNS name with at least one dot (so never `localhost`), optional port; never a wildcard or a path.
const DEPLOYED_ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/;

/** The origins of a comma-separated list, trimmed, empty entries dropped. */
export function splitOrigins(csv) {
  return String(csv ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** The rule an origin breaks in a stage, or undefined when it is allowed. `deployed`: not the local or test stage. */
export function originProblem(origin, deployed) {
  if (deployed) return DEPLOYED_ORIGIN.test(origin) ? undefined : 'https://host[:port] in lower case, never a wildcard.';
  return LOCAL_ORIGIN.test(origin) ? undefined : 'Only http://localhost:<port> or http://127.0.0.1:<port>.';
}
