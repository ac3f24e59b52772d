import { httpHandler } from '../../lib/app/http.js';
import { completeMaterial } from '../../lib/materials/materials.js';
import { completeMaterialRoute } from '../../lib/materials/routes.js';

export const handler = httpHandler(completeMaterialRoute, async ({ params, session }) => ({
  body: await completeMaterial(session, params.materialId),
}));
