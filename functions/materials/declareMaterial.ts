import { httpHandler } from '../../lib/app/http.js';
import { declareMaterial } from '../../lib/materials/materials.js';
import { declareMaterialRoute } from '../../lib/materials/routes.js';

export const handler = httpHandler(declareMaterialRoute, async ({ body, session }) => ({ body: await declareMaterial(session, body) }));
