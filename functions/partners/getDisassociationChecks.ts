import { httpHandler } from '../../lib/app/http.js';
import { getDisassociationChecksRoute } from '../../lib/partners/get-disassociation-checks-route.js';
import { getDisassociationChecks } from '../../lib/partners/getDisassociationChecks.js';

export const handler = httpHandler(getDisassociationChecksRoute, async ({ caller }) => ({ body: await getDisassociationChecks(caller) }));
