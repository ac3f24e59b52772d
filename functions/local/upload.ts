import { httpHandler } from '../../lib/http/handler.js';
import { localUploadRoute } from '../../lib/local/routes.js';
import { receiveUpload } from '../../lib/local/upload.js';

export const handler = httpHandler(localUploadRoute, async ({ params, request }) => ({ body: await receiveUpload(params.token, request) }));
