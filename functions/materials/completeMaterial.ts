import { httpHandler } from '../../lib/app/http.js';
import { completeMaterial } from '../../lib/materials/completeMaterial.js';
import { completeMaterialRoute } from '../../lib/materials/routes.js';

export const handler = httpHandler(completeMaterialRoute, async ({ caller, params }) => ({
  body: await completeMaterial(caller, { materialId: params.materialId }),
}));
