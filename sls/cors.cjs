// The CORS allowlist per stage (issue 9 item 4), for provider.httpApi.cors and the functions' CORS_ORIGINS,
// so API Gateway and the code allow the same origins. The local stage allows localhost only; a deployed stage
// takes the comma-separated https origins of the CORS_ORIGINS environment variable at package time and refuses
// a wildcard or an empty list. The rules are lib/cors-origins.mjs, the same module lib/core/config-env.ts checks at
// cold start: an origin that packages is one every function starts with.
module.exports = async ({ resolveVariable }) => {
  const { LOCAL_CORS_ORIGINS, originProblem, splitOrigins } = await import('../lib/core/cors-origins.mjs');
  const stage = await resolveVariable('sls:stage');
  const origins = stage === 'local' ? [...LOCAL_CORS_ORIGINS] : splitOrigins(process.env.CORS_ORIGINS);
  if (stage !== 'local') {
    if (origins.length === 0) throw new Error(`Stage "${stage}": set CORS_ORIGINS to the allowed https origins.`);
    const deployed = stage !== 'test';
    const bad = origins.filter((o) => originProblem(o, deployed));
    if (bad.length)
      throw new Error(`Stage "${stage}": CORS origins must be https://host[:port] in lower case, never a wildcard: ${bad.join(', ')}`);
  }
  return { origins, csv: origins.join(',') };
};
