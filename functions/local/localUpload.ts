import { httpHandler } from '../../lib/app/http.js';
import { localUploadRoute } from '../../lib/local/routes.js';
import { receiveUpload } from '../../lib/local/upload.js';

export const handler = httpHandler(localUploadRoute, async ({ params, request }) => ({ body: await receiveUpload(params.token, request) }));
