import { httpHandler } from '../../lib/http/handler.js';
import { openApiDocument } from '../../lib/meta/openapi-document.js';
import { getOpenApiRoute } from '../../lib/meta/routes.js';

export const handler = httpHandler(getOpenApiRoute, () => ({ body: openApiDocument() }));
