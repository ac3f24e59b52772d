import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { channel, code, identifier, isoTime, verification } from '../core/http/schemas.js';
import { currentPassword, newPassword } from '../accounts/schemas.js';

const sessionAnswer = z.object({ token: z.string(), expiresAt: isoTime });

export const loginRoute = defineRoute({
  operationId: 'login',
  method: 'POST',
  path: '/v1/sessions',
  summary: 'Log in with an identifier and password; opens the second step unless the device is trusted (R-LI-01..04)',
  tags: ['sessions'],
  auth: 'none',
  body: z.strictObject({
    identifier,
    password: currentPassword,
    deviceToken: z.optional(z.string().check(z.minLength(16), z.maxLength(256))),
  }),
  success: {
    status: 200,
    description: 'Password accepted: the second step is open; choose a channel',
    schema: z.union([
      z.object({ challengeId: z.string(), channels: z.array(z.object({ channel, destinationMasked: z.string() })) }),
      sessionAnswer,
    ]),
  },
  otherSuccesses: [{ status: 201, description: 'Trusted device: a session at once', schema: sessionAnswer }],
  errors: [401, 422, 429],
});

const challengeParams = z.strictObject({ challengeId: z.string().check(z.minLength(1), z.maxLength(128)) });

export const sendLoginCodeRoute = defineRoute({
  operationId: 'sendLoginCode',
  method: 'POST',
  path: '/v1/sessions/challenges/{challengeId}/code',
  summary: 'Send the second-step code by the chosen channel (R-LI-02, R-VC-06)',
  tags: ['sessions'],
  auth: 'none',
  params: challengeParams,
  body: z.strictObject({ channel }),
  success: {
    status: 202,
    description: 'Code sent',
    schema: z.object({ destinationMasked: z.string(), expiresAt: isoTime, resendAfter: isoTime }),
  },
  errors: [401, 422, 429],
});

export const verifyLoginCodeRoute = defineRoute({
  operationId: 'verifyLoginCode',
  method: 'POST',
  path: '/v1/sessions/challenges/{challengeId}/verify',
  summary: 'Complete the second step; optionally trust this device for 30 days (R-LI-02, R-LI-03)',
  tags: ['sessions'],
  auth: 'none',
  params: challengeParams,
  body: z.strictObject({ code, trustDevice: z.optional(z.boolean()) }),
  success: { status: 201, description: 'Session issued', schema: z.extend(sessionAnswer, { deviceToken: z.optional(z.string()) }) },
  errors: [401, 422],
});

export const logoutRoute = defineRoute({
  operationId: 'logout',
  method: 'DELETE',
  path: '/v1/sessions/current',
  summary: 'Log out: revoke this session (R-LI-05)',
  tags: ['sessions'],
  auth: 'session',
  allowedWhenClosed: true,
  success: { status: 204, description: 'Logged out' },
});

export const resetPasswordRoute = defineRoute({
  operationId: 'resetPassword',
  method: 'POST',
  path: '/v1/password-resets',
  summary: 'Reset a forgotten password with a code; revokes every session (R-LI-08)',
  tags: ['sessions'],
  auth: 'none',
  body: z.strictObject({
    identifier,
    newPassword,
    verification,
  }),
  success: { status: 204, description: 'Password reset' },
  errors: [401],
});
