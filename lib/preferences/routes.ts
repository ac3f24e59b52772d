import * as z from 'zod';
import { CURRENCIES, isTimeZone } from '../accounts/catalogues.js';
import { defineRoute } from '../core/http/route.js';
import { LANGUAGES } from '../core/notify/templates.js';

export const changePreferencesRoute = defineRoute({
  operationId: 'changePreferences',
  method: 'PUT',
  path: '/v1/account/preferences',
  summary: 'Message language, time zone (IANA) and transaction currency; notices follow them (R-PR-01, R-PR-02)',
  tags: ['preferences'],
  auth: 'session',
  body: z
    .strictObject({
      messageLanguage: z.enum(LANGUAGES).optional(),
      timeZone: z
        .enum(['UTC', ...Intl.supportedValuesOf('timeZone')] as [string, ...string[]])
        .refine(isTimeZone, 'Use an IANA time zone, e.g. Europe/Berlin.')
        .optional()
        .meta({ description: 'An IANA time zone (R-PR-01)' }),
      currency: z.enum(CURRENCIES).optional(),
    })
    .refine((b) => Object.values(b).some((v) => v !== undefined), 'Change at least one preference.')
    .meta({ minProperties: 1 }),
  success: {
    status: 200,
    description: 'The preferences now',
    schema: z.object({ messageLanguage: z.string(), timeZone: z.string(), currency: z.string().optional() }),
  },
  errors: [422],
});
