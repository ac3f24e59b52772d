import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, text, verification } from '../core/http/schemas.js';
import { countryRegion, currentPassword, loginId, newPassword, tenantName } from './schemas.js';
import { LANGUAGES } from '../core/notify/templates.js';
import { CURRENCIES, INDUSTRIES, QUALIFICATIONS } from './catalogues.js';

export { countryRegion } from './schemas.js';

export const enableServicesRoute = defineRoute({
  operationId: 'enableServices',
  method: 'POST',
  path: '/v1/account/enable',
  summary: 'Enable cloud services: accept the agreements; country/region fixed from now on (R-SU-05)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({
    acceptAgreements: z.literal(true, 'The customer agreement and privacy statement must be accepted.'),
    countryRegion: z.optional(countryRegion),
  }),
  success: { status: 200, description: 'Services enabled', schema: z.object({ status: z.literal('active'), enabledAt: isoTime }) },
  errors: [409, 422],
});

export const changeCountryRegionRoute = defineRoute({
  operationId: 'changeCountryRegion',
  method: 'PUT',
  path: '/v1/account/country-region',
  summary: 'Change the country/region; only until services are enabled (R-SU-05, R-AI-12)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({ countryRegion }),
  success: { status: 200, description: 'Changed', schema: z.object({ countryRegion: z.string() }) },
  errors: [422],
});

export const changePasswordRoute = defineRoute({
  operationId: 'changePassword',
  method: 'PUT',
  path: '/v1/account/password',
  summary: 'Change the password; every other session is revoked (R-LI-05)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({ currentPassword, newPassword }),
  success: { status: 204, description: 'Password changed' },
  errors: [422],
});

const masked = z.string().check(z.meta({ description: 'Masked unless named in ?reveal=' }));

export const accountView = z.object({
  accountId: z.string(),
  status: z.enum(['registered', 'active', 'closed', 'disabled']),
  loginId: z.string(),
  email: masked,
  mobile: z.optional(masked),
  passwordSet: z.boolean(),
  tenantName: z.string(),
  countryRegion: z.string(),
  accountType: z.enum(['unset', 'individual', 'enterprise']),
  fullName: z.optional(z.string()),
  enterpriseName: z.optional(z.string()),
  authStatus: z.enum(['unauthenticated', 'pending', 'authenticated']),
  serviceMobile: z.optional(masked),
  serviceEmail: z.optional(masked),
  taxInfo: z.optional(z.object({ qualificationName: z.string(), taxId: z.string(), qualificationProof: z.optional(z.string()) })),
  contact: z.optional(z.record(z.string(), z.string())),
  industry: z.optional(z.object({ industry: z.string(), secondaryIndustry: z.optional(z.string()) })),
  preferences: z.object({ messageLanguage: z.enum(LANGUAGES), timeZone: z.string(), currency: z.optional(z.string()) }),
  paymentMethod: z.object({ status: z.enum(['none', 'bound', 'failed']), reason: z.optional(z.string()) }),
  createdAt: isoTime,
  enabledAt: z.optional(isoTime),
});

export const getAccountRoute = defineRoute({
  operationId: 'getAccount',
  method: 'GET',
  path: '/v1/account',
  summary: 'The account, contact data masked unless revealed (R-AI-01)',
  tags: ['accounts'],
  auth: 'session',
  query: z.strictObject({
    reveal: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^(email|mobile|serviceMobile|serviceEmail)(,(email|mobile|serviceMobile|serviceEmail))*$/,
            'Comma-separated: email, mobile, serviceMobile, serviceEmail.',
          ),
        ),
    ),
  }),
  success: { status: 200, description: 'The account', schema: accountView },
});

export const changeServiceMobileRoute = defineRoute({
  operationId: 'changeServiceMobile',
  method: 'PUT',
  path: '/v1/account/service-mobile',
  summary: 'Bind or change the service mobile: a verify-identity code, then a new-mobile code (R-SU-06, R-AI-08)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({ identity: verification, newMobile: verification }),
  success: { status: 200, description: 'Changed; the old contact is notified', schema: z.object({ serviceMobile: z.string() }) },
  errors: [401, 404, 409, 422],
});

export const changeServiceEmailRoute = defineRoute({
  operationId: 'changeServiceEmail',
  method: 'PUT',
  path: '/v1/account/service-email',
  summary: 'Bind or change the service email: a verify-identity code, then a new-email code (R-AI-09)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({ identity: verification, newEmail: verification }),
  success: { status: 200, description: 'Changed; the old contact is notified', schema: z.object({ serviceEmail: z.string() }) },
  errors: [401, 404, 409, 422],
});

export const recordPaymentMethodRoute = defineRoute({
  operationId: 'recordPaymentMethod',
  method: 'PUT',
  path: '/v1/ops/accounts/{accountId}/payment-method',
  summary: 'Record the payment-method binding status reported by the payment system; card data is never accepted (R-SU-07)',
  tags: ['operators'],
  auth: 'operator',
  params: z.strictObject({ accountId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  body: z.union([
    z.strictObject({ status: z.enum(['none', 'bound']) }),
    z.strictObject({ status: z.literal('failed'), reason: text({ max: 500 }) }),
  ]),
  success: {
    status: 200,
    description: 'Stored status',
    schema: z.object({ status: z.enum(['none', 'bound', 'failed']), reason: z.optional(z.string()) }),
  },
  errors: [404],
});

const infoRoute = <B extends z.ZodMiniType, R extends z.ZodMiniType>(
  operationId: string,
  path: string,
  summary: string,
  body: B,
  schema: R,
  errors: number[] = [409, 422],
) =>
  defineRoute({
    operationId,
    method: 'PUT',
    path,
    summary,
    tags: ['account information'],
    auth: 'session',
    body,
    success: { status: 200, description: 'Changed', schema },
    errors,
  });

export const changeTenantNameRoute = infoRoute(
  'changeTenantName',
  '/v1/account/tenant-name',
  'Change the tenant name: 3 times per rolling year; the old name stops working for IAM login (R-AI-02, R-AI-03)',
  z.strictObject({ tenantName }),
  z.object({ tenantName: z.string(), changesLeftThisYear: z.number().check(z.int()) }),
);

export const changeLoginIdRoute = infoRoute(
  'changeLoginId',
  '/v1/account/login-id',
  'Change the login ID, once (R-AI-04)',
  z.strictObject({ loginId }),
  z.object({ loginId: z.string() }),
);

export const changeAccountTypeRoute = infoRoute(
  'changeAccountType',
  '/v1/account/type',
  'Set or change the account type with the matching name (R-AI-05)',
  z.strictObject({ accountType: z.enum(['individual', 'enterprise']), name: text({ max: 200 }) }),
  z.object({ accountType: z.enum(['individual', 'enterprise']), fullName: z.optional(z.string()), enterpriseName: z.optional(z.string()) }),
  [422],
);

export const changeNamesRoute = infoRoute(
  'changeNames',
  '/v1/account/names',
  'Change the full name or enterprise name while not authenticated (R-AI-06)',
  z.union([z.strictObject({ fullName: text({ max: 200 }) }), z.strictObject({ enterpriseName: text({ max: 200 }) })]),
  z.object({ fullName: z.optional(z.string()), enterpriseName: z.optional(z.string()) }),
  [422],
);

const taxInfo = z.object({ qualificationName: z.string(), taxId: z.string(), qualificationProof: z.optional(z.string()) });

export const changeTaxInfoRoute = infoRoute(
  'changeTaxInfo',
  '/v1/account/tax-info',
  'Tax information with an optional qualification proof (an uploaded material) (R-AI-07)',
  z.strictObject({
    qualificationName: z.enum(QUALIFICATIONS),
    taxId: z.string().check(z.regex(/^[A-Za-z0-9-]{5,30}$/, 'A tax ID has 5 to 30 letters, digits or -.')),
    qualificationProof: z
      .optional(z.string().check(z.minLength(1), z.maxLength(64)))
      .check(z.meta({ description: 'materialId from POST /v1/materials (purpose qualification-proof)' })),
  }),
  taxInfo,
  [404, 422],
);

/** R-AI-11: the industry catalogue, one variant per industry with its own secondary industries. */
const industryName = z.enum(Object.keys(INDUSTRIES) as [string, ...string[]]);
const industryChoice = z.discriminatedUnion(
  'industry',
  Object.entries(INDUSTRIES).map(([industry, secondaries]) =>
    secondaries.length
      ? z.strictObject({ industry: z.literal(industry), secondaryIndustry: z.enum(secondaries as [string, ...string[]]) })
      : z.strictObject({ industry: z.literal(industry) }),
  ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
) as unknown as z.ZodMiniType<{ industry: string; secondaryIndustry?: string }>;

const contactBody = z.strictObject({
  addressLine1: text({ max: 200 }),
  addressLine2: z.optional(text({ min: 0, max: 200 })),
  commune: z.optional(text({ min: 0, max: 100 })), // R-AI-10 (changed: the commune, where the address has one)
  city: text({ max: 100 }),
  stateProvince: text({ max: 100 }),
  postalCode: text({ max: 20 }),
  paymentCurrency: z.enum(CURRENCIES),
  industry: industryName,
});

export const changeContactRoute = infoRoute(
  'changeContact',
  '/v1/account/contact',
  'Contact information; every missing required field is listed in one 400 (R-AI-10)',
  contactBody,
  z.record(z.string(), z.string()),
  [422],
);

export const changeIndustryRoute = infoRoute(
  'changeIndustry',
  '/v1/account/industry',
  'Industry and, where it has them, a secondary industry from the catalogue (R-AI-11)',
  industryChoice,
  z.object({ industry: z.string(), secondaryIndustry: z.optional(z.string()) }),
  [422],
);
