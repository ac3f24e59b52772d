import { changeTaxInfo } from '../../lib/accounts/changeTaxInfo.js';
import { changeTaxInfoRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';
import { requireVerifiedMaterial } from '../../lib/materials/check.js';

export const handler = httpHandler(changeTaxInfoRoute, async ({ body, caller }) => ({
  body: await changeTaxInfo(caller, body, (accountId, materialId) => requireVerifiedMaterial(accountId, materialId, 'qualification-proof')),
}));
