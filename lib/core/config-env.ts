/**
 * Cold-start check of the environment (issue 9 item 10): a deployed stage without its secret or with a
 * wildcard CORS origin refuses to start, instead of HMACing with '' or reflecting every origin. Only the
 * local stage has built-in values; the test stage must be given its secret. A deployed stage refuses the
 * local emulators (NOTIFIER=local, DYNAMODB_ENDPOINT, S3_ENDPOINT). Errors name the variable,
 * never its value.
 */
import * as z from 'zod/mini';
import './zod-locale.js';
import { LOCAL_CORS_ORIGINS, originProblem, splitOrigins } from './cors-origins.mjs';

/** The browser origins the local stage allows (issue 9 item 4); the rules are shared with sls/cors.cjs. */
export { LOCAL_CORS_ORIGINS };

const originList = (deployed: boolean) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((csv: string) => splitOrigins(csv)),
    ),
    z
      .array(
        z
          .string()
          .check(z.refine((origin) => !originProblem(origin, deployed), { error: (i) => originProblem(i.input as string, deployed) })),
      )
      .check(z.minLength(1, 'List at least one origin.')),
  );

/** A secret that is set: not only whitespace, not a CloudFormation `{{resolve:...}}` left unresolved. */
const secret = (min: number, rule: string) =>
  z.string({ error: 'Required outside the local stage.' }).check(
    z.minLength(min, rule),
    z.refine((v) => v.trim() && !v.includes('{{resolve:'), 'Blank, or an unresolved {{resolve:}}.'),
  );

/** Local emulators are for the local and test stages only (issue 9 item 10): at most the deployed value. */
const deployedOnly = (value?: string) => z.optional(z.string()).check(z.refine((v) => !v || v === value, 'Not in a deployed stage.'));

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
      ? z._default(z.string(), 'local-only-hmac-secret-do-not-deploy')
      : secret(deployed ? 32 : 1, deployed ? 'Use at least 32 characters.' : 'Required.'),
    CORS_ORIGINS: deployed ? originList(true) : z._default(originList(false), [...LOCAL_CORS_ORIGINS]),
    ...(deployed
      ? {
          NOTIFIER: deployedOnly('sns'),
          DYNAMODB_ENDPOINT: deployedOnly(),
          S3_ENDPOINT: deployedOnly(),
          // Deployed bundles carry no IMDS region lookup (esbuild.config.cjs), which `auto` would need off Lambda.
          AWS_DEFAULTS_MODE: z.optional(z.string()).check(z.refine((v) => v !== 'auto', 'Not `auto` in a deployed stage.')),
        }
      : {}),
  });
  const result = schema.safeParse({
    HMAC_SECRET: env.HMAC_SECRET || undefined,
    CORS_ORIGINS: env.CORS_ORIGINS || undefined,
    NOTIFIER: env.NOTIFIER || undefined,
    DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT || undefined,
    S3_ENDPOINT: env.S3_ENDPOINT || undefined,
    AWS_DEFAULTS_MODE: env.AWS_DEFAULTS_MODE || undefined,
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration for stage "${stage}": ${problems}`);
  }
  return { hmacSecret: result.data.HMAC_SECRET, corsOrigins: result.data.CORS_ORIGINS };
}
