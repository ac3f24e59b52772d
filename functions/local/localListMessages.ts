import { httpHandler } from '../../lib/app/http.js';
import { listRecordedMessages } from '../../lib/local/recording-notifier.js';
import { localListMessagesRoute } from '../../lib/local/routes.js';

export const handler = httpHandler(localListMessagesRoute, async ({ query }) => ({
  body: { items: (await listRecordedMessages(query.to)) as never },
}));
