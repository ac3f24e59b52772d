import * as z from 'zod';
import { CURRENCIES } from '../accounts/catalogues.js';
import { defineRoute } from '../http/route.js';
import { LANGUAGES } from '../notify/templates.js';

export const preferencesRoute = defineRoute({
  operationId: 'changePreferences',
  method: 'PUT',
  path: '/v1/account/preferences',
  summary: 'Message language, time zone (IANA) and transaction currency; notices follow them (R-PR-01, R-PR-02)',
  tags: ['preferences'],
  auth: 'session',
  body: z
    .strictObject({
      messageLanguage: z.enum(LANGUAGES).optional(),
      timeZone: z.string().min(1).max(64).optional(),
      currency: z.enum(CURRENCIES).optional(),
    })
    .refine((b) => Object.values(b).some((v) => v !== undefined), 'Change at least one preference.'),
  success: {
    status: 200,
    description: 'The preferences now',
    schema: z.object({ messageLanguage: z.string(), timeZone: z.string(), currency: z.string().optional() }),
  },
  errors: [422],
});
