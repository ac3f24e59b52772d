/**
 * Bundling-time stand-in for `@aws-sdk/credential-provider-node` (see esbuild.config.cjs `alias`).
 * Inside Lambda the runtime always provides credentials as environment variables, so the SDK's full
 * default chain (SSO, INI files, IMDS, login, STS clients) is dead weight: about 90 KB per bundle
 * and measurable import time (`npm run bench`). Tests and scripts run unbundled and keep the real chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
