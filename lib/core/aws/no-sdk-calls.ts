/**
 * Deployed bundles' stand-in for lib/core/sdk-calls.ts (esbuild.config.cjs): counting and timing SDK calls is
 * for the bench and the tests, which run the sources, never a deployed bundle (issue 10 bundle budget, -0.4 KB).
 * Same exports; nothing is counted.
 */
const nothing = (): void => undefined;

export const beginExcluded = (): (() => void) => nothing;
export const countSdkCalls = (_client: unknown): void => undefined;
export const sdkCallCounts = (): Record<string, number> => ({});
export const sdkCallTotal = (): number => 0;
export const excludedMs = (): number => 0;
export const resetSdkCalls = nothing;
