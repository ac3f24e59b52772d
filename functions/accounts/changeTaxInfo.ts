import { changeTaxInfo } from '../../lib/accounts/change-account.js';
import { taxInfoRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';
import { requireVerifiedMaterial } from '../../lib/materials/check.js';

export const handler = httpHandler(taxInfoRoute, async ({ body, session, request }) => ({
  body: await changeTaxInfo(session, body, request, (accountId, materialId) => requireVerifiedMaterial(accountId, materialId, 'qualification-proof')),
}));
