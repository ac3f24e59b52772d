/**
 * What the stubs throw. Deployed bundles get these stubs in place of the local-only adapters
 * (esbuild.config.cjs, `localOnlyStubs`); a deployed stage never chooses those adapters (config.ts), so
 * reaching one means the configuration and the build disagree.
 */
export function localOnly(name: string): never {
  throw new Error(`${name} is local-only and not bundled outside the local stage.`);
}
