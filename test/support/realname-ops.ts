/** Issue 13 items 5, 6: the operators' review queue and application view, through the real handlers. */
import { handler as getAppHandler } from '../../functions/realname/getRealNameApplication.js';
import { handler as listHandler } from '../../functions/realname/listRealNameApplications.js';
import { invoke } from './http.js';
import { OPS } from './partners.js';

/** GET /v1/ops/real-name/applications (the raw answer). */
export function opsQueue(query: Record<string, string> = {}, headers: Record<string, string> = OPS) {
  return invoke(listHandler, { method: 'GET', path: '/v1/ops/real-name/applications', query, headers });
}

/** Every item of a queue, page by page (`limit` per page); the cursors seen. */
export async function wholeQueue(query: Record<string, string>, limit = 2) {
  const items: Array<Record<string, any> & { applicationId: string }> = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await opsQueue({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    if (res.status !== 200) throw new Error(`queue page: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return items;
}

/** GET /v1/ops/real-name/applications/{id} (the raw answer). */
export function opsApplication(applicationId: string, headers: Record<string, string> = OPS) {
  return invoke(getAppHandler, {
    method: 'GET',
    path: `/v1/ops/real-name/applications/${applicationId}`,
    pathParameters: { applicationId },
    headers,
  });
}
