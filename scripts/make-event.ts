/**
 * Writes a sample API Gateway v2 event to events/http/NAME.json:
 *   npx tsx scripts/make-event.ts NAME 'METHOD /path/{p}' '{"p": "v"}' 'BODY-JSON' [auth]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The event as the file's text (2-space JSON and a final newline). */
export function makeEvent(route: string, params: Record<string, string>, body: string, auth: boolean): string {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  let raw = route.slice(space + 1);
  for (const [k, v] of Object.entries(params)) raw = raw.replaceAll(`{${k}}`, v);
  const headers: Record<string, string> = { 'user-agent': 'curl/8' };
  if (body) headers['content-type'] = 'application/json';
  if (auth) headers.authorization = 'Bearer replace-with-a-session-token-from-login';
  const ev: Record<string, unknown> = {
    version: '2.0',
    routeKey: route,
    rawPath: raw,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: raw, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8' },
      requestId: 'sample-request-id',
      routeKey: route,
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795428000000,
    },
    isBase64Encoded: false,
  };
  if (Object.keys(params).length > 0) ev.pathParameters = params;
  if (body) ev.body = body;
  return `${JSON.stringify(ev, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, route, params, body = '', auth] = process.argv.slice(2);
  if (!name || !route) {
    console.error(`usage: npx tsx scripts/make-event.ts NAME 'METHOD /path/{p}' '{"p": "v"}' 'BODY-JSON' [auth]`);
    process.exit(2);
  }
  writeFileSync(`events/http/${name}.json`, makeEvent(route, JSON.parse(params || '{}'), body, auth === 'auth'));
}
