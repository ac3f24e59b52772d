import { httpHandler } from '../../lib/app/http.js';
import { declareMaterial } from '../../lib/materials/declareMaterial.js';
import { declareMaterialRoute } from '../../lib/materials/routes.js';

export const handler = httpHandler(declareMaterialRoute, async ({ caller, body }) => ({ body: await declareMaterial(caller, body) }));
