import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { channel, email, identifier, isoTime, phone } from '../core/http/schemas.js';
import { IDENTIFIER_PURPOSES, NEW_DESTINATION, REQUESTABLE_PURPOSES } from './purposes.js';

export { channel };

/** Purposes whose code goes to a contact the account already has: any channel, no destination. */
const EXISTING_CONTACT = REQUESTABLE_PURPOSES.filter((p) => p !== 'signup' && !IDENTIFIER_PURPOSES.has(p) && !NEW_DESTINATION.has(p));

/** Issue 9 item 18: which channel and destination each purpose takes, as one discriminated union. */
const codeRequest = z.discriminatedUnion('purpose', [
  z.strictObject({
    purpose: z.literal('signup'),
    channel: z.literal('email'),
    destination: email.check(z.meta({ description: 'The email to sign up with' })),
  }),
  z.strictObject({
    purpose: z.enum(['password-reset', 'delete-huawei-id']),
    channel,
    destination: identifier.check(z.meta({ description: 'An identifier of the HUAWEI ID: email, mobile, login ID or tenant name' })),
  }),
  z.strictObject({
    purpose: z.literal('new-email'),
    channel: z.literal('email'),
    destination: email.check(z.meta({ description: 'The new email' })),
  }),
  z.strictObject({ purpose: z.enum(['new-mobile', 'security-phone']), channel: z.literal('sms'), destination: phone }),
  z.strictObject({
    purpose: z.enum(EXISTING_CONTACT as [(typeof EXISTING_CONTACT)[number], ...(typeof EXISTING_CONTACT)[number][]]),
    channel,
  }),
]);

export const sendVerificationCodeRoute = defineRoute({
  operationId: 'sendVerificationCode',
  method: 'POST',
  path: '/v1/verification-codes',
  summary: 'Send a one-time code for a purpose (R-VC-01..06)',
  tags: ['verification'],
  auth: 'optional',
  body: codeRequest,
  success: {
    status: 202,
    description: 'A code was sent (for password-reset and delete-huawei-id: the same answer whether or not the account exists)',
    schema: z.object({ challengeId: z.string(), channel, destinationMasked: z.string(), expiresAt: isoTime, resendAfter: isoTime }),
  },
  errors: [422, 429],
});
