import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { email, isoTime, phone, text } from '../core/http/schemas.js';

export const MESSAGE_TYPES = ['billing', 'account', 'security', 'product', 'marketing', 'closure'] as const;

const body = z.strictObject({
  name: text({ max: 100 }),
  email: z.optional(email),
  mobile: z.optional(phone),
  messageTypes: z.array(z.enum(MESSAGE_TYPES)).check(z.minLength(1), z.maxLength(MESSAGE_TYPES.length)),
});
const recipient = z.object({
  recipientId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  mobile: z.optional(z.string()),
  messageTypes: z.array(z.string()),
  createdAt: isoTime,
  updatedAt: isoTime,
});
const params = z.strictObject({ recipientId: z.string().check(z.minLength(1), z.maxLength(64)) });
const common = { tags: ['recipients'], auth: 'session' as const };

export const listRecipientsRoute = defineRoute({
  ...common,
  operationId: 'listRecipients',
  method: 'GET',
  path: '/v1/account/recipients',
  summary: 'Additional recipients of notices (R-PR-03)',
  success: { status: 200, description: 'Recipients', schema: z.object({ items: z.array(recipient) }) },
});

export const addRecipientRoute = defineRoute({
  ...common,
  operationId: 'addRecipient',
  method: 'POST',
  path: '/v1/account/recipients',
  summary: 'Add a recipient; at most 10 (R-PR-03)',
  idempotent: true,
  body,
  success: { status: 201, description: 'Added', schema: recipient },
  errors: [409, 422],
});

export const editRecipientRoute = defineRoute({
  ...common,
  operationId: 'editRecipient',
  method: 'PUT',
  path: '/v1/account/recipients/{recipientId}',
  summary: 'Edit a recipient (R-PR-03)',
  params,
  body,
  success: { status: 200, description: 'Edited', schema: recipient },
  errors: [404, 422],
});

export const deleteRecipientRoute = defineRoute({
  ...common,
  operationId: 'deleteRecipient',
  method: 'DELETE',
  path: '/v1/account/recipients/{recipientId}',
  summary: 'Delete a recipient (R-PR-03)',
  params,
  success: { status: 204, description: 'Deleted' },
  errors: [404, 422],
});
