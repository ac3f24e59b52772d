import * as z from 'zod/mini';
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
      messageLanguage: z.optional(z.enum(LANGUAGES)),
      timeZone: z
        .optional(
          z
            .enum(['UTC', ...Intl.supportedValuesOf('timeZone')] as [string, ...string[]])
            .check(z.refine(isTimeZone, 'Use an IANA time zone, e.g. Europe/Berlin.')),
        )
        .check(z.meta({ description: 'An IANA time zone (R-PR-01)' })),
      currency: z.optional(z.enum(CURRENCIES)),
    })
    .check(
      z.refine((b) => Object.values(b).some((v) => v !== undefined), 'Change at least one preference.'),
      z.meta({ minProperties: 1 }),
    ),
  success: {
    status: 200,
    description: 'The preferences now',
    schema: z.object({ messageLanguage: z.string(), timeZone: z.string(), currency: z.optional(z.string()) }),
  },
  errors: [422],
});
