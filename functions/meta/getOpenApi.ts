import { httpHandler } from '../../lib/app/http.js';
import { openApiDocument } from '../../lib/app/openapi-document.js';
import { getOpenApiRoute } from '../../lib/meta/routes.js';

export const handler = httpHandler(getOpenApiRoute, () => ({ body: openApiDocument() }));
