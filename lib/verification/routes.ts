import * as z from 'zod';
import { defineRoute } from '../http/route.js';
import { isoTime } from '../http/schemas.js';
import { REQUESTABLE_PURPOSES } from './purposes.js';

export const channel = z.enum(['sms', 'email']);

export const sendCodeRoute = defineRoute({
  operationId: 'sendVerificationCode',
  method: 'POST',
  path: '/v1/verification-codes',
  summary: 'Send a one-time code for a purpose (R-VC-01..06)',
  tags: ['verification'],
  auth: 'optional',
  body: z.strictObject({
    purpose: z.enum(REQUESTABLE_PURPOSES),
    channel,
    destination: z.string().min(1).max(320).optional().meta({
      description: 'signup: the email; password-reset and delete-huawei-id: an identifier of the account (HUAWEI ID); new-mobile/new-email/security-phone: the new contact',
    }),
  }),
  success: {
    status: 202,
    description: 'A code was sent (for password-reset and delete-huawei-id: the same answer whether or not the account exists)',
    schema: z.object({ challengeId: z.string(), channel, destinationMasked: z.string(), expiresAt: isoTime, resendAfter: isoTime }),
  },
  errors: [422, 429],
});
