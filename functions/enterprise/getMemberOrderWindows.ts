import { httpHandler } from '../../lib/app/http.js';
import { getMemberOrderWindowsRoute } from '../../lib/enterprise/members-route.js';
import { getMemberOrderWindows } from '../../lib/enterprise/getMemberOrderWindows.js';

export const handler = httpHandler(getMemberOrderWindowsRoute, async ({ caller, params }) => ({
  body: await getMemberOrderWindows(caller, { memberId: params.memberId }),
}));
