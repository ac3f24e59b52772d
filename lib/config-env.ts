/**
 * Cold-start check of the environment (issue 9 item 10): a deployed stage without its secret or with a
 * wildcard CORS origin refuses to start, instead of HMACing with '' or reflecting every origin. Only the
 * local stage has built-in values; the test stage must be given its secret. Errors name the variable,
 * never its value.
 */
import * as z from 'zod';

/** The browser origins the local stage allows (issue 9 item 4). sls/cors.cjs holds the same list. */
export const LOCAL_CORS_ORIGINS = [
  'http://localhost:3000',
  'http://127.0.0.1:3000',
  'http://localhost:5173',
  'http://localhost:8080',
] as const;

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1):\d{1,5}$/;
const DEPLOYED_ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/;

const originList = (pattern: RegExp, rule: string) =>
  z
    .string()
    .transform((csv) => csv.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, rule)).min(1, 'List at least one origin.'));

export interface CheckedEnv {
  hmacSecret: string;
  corsOrigins: string[];
}

export function checkEnv(env: Record<string, string | undefined>): CheckedEnv {
  const stage = env.STAGE ?? 'local';
  const local = stage === 'local';
  const deployed = stage !== 'local' && stage !== 'test';
  const schema = z.object({
    HMAC_SECRET: local
      ? z.string().default('local-only-hmac-secret-do-not-deploy')
      : z.string({ error: 'Required outside the local stage.' }).min(deployed ? 32 : 1, deployed ? 'Use at least 32 characters.' : 'Required.'),
    CORS_ORIGINS: deployed
      ? originList(DEPLOYED_ORIGIN, 'Each origin is https://host[:port]; never a wildcard.')
      : originList(LOCAL_ORIGIN, 'The local and test stages allow only http://localhost:<port> or http://127.0.0.1:<port>.').default([
          ...LOCAL_CORS_ORIGINS,
        ]),
  });
  const result = schema.safeParse({ HMAC_SECRET: env.HMAC_SECRET || undefined, CORS_ORIGINS: env.CORS_ORIGINS || undefined });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration for stage "${stage}": ${problems}`);
  }
  return { hmacSecret: result.data.HMAC_SECRET, corsOrigins: result.data.CORS_ORIGINS };
}
