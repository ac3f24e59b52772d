// The CORS allowlist per stage (issue 9 item 4), for provider.httpApi.cors and the functions' CORS_ORIGINS,
// so API Gateway and the code allow the same origins. The local stage allows localhost only (the same list
// as LOCAL_CORS_ORIGINS in lib/config-env.ts); a deployed stage takes the comma-separated https origins of
// the CORS_ORIGINS environment variable at package time and refuses a wildcard or an empty list.
const LOCAL = ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:5173', 'http://localhost:8080'];

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const origins =
    stage === 'local' ? LOCAL : (process.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (stage !== 'local') {
    if (origins.length === 0) throw new Error(`Stage "${stage}": set CORS_ORIGINS to the allowed https origins.`);
    const bad = origins.filter((o) => o.includes('*') || !/^https:\/\/[^/]+$/.test(o));
    if (bad.length) throw new Error(`Stage "${stage}": CORS origins must be https://host[:port], never a wildcard: ${bad.join(', ')}`);
  }
  return { origins, csv: origins.join(',') };
};
