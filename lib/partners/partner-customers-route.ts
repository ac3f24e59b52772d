/**
 * Routes of the partner's customer list (R-PD-10) and the association records (R-PD-07). A module of their own so the
 * partner's other routes stay out of these bundles (and these out of theirs).
 */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoDate, isoTime, paginationQuery, text } from '../core/http/schemas.js';
import { MIN_PREFIX, normaliseText } from './customer-index.js';

const booleanQuery = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v: 'true' | 'false') => v === 'true'),
);
/**
 * A non-negative decimal in a query string, checked as text before it becomes a number (so a blank value is a 400,
 * never 0): `digits` integer digits at most, up to 4 decimals.
 */
const decimalQuery = (digits: number) =>
  z.pipe(
    z
      .string()
      .check(
        z.regex(new RegExp(`^\\d{1,${digits}}(\\.\\d{1,4})?$`), `A number ≥ 0 with at most ${digits} digits before the point, e.g. 12.5.`),
      ),
    z.transform((v: string) => Number(v)),
  );
const amount = decimalQuery(12);
const percent = decimalQuery(6);
/** A name or account prefix: at least MIN_PREFIX characters (R-PD-10: shorter prefixes would enumerate masked values). */
// Counted as compared (normalised, in code points, zero-width characters dropped): "a\u0301b" is 2 (review 3 finding 6).
const prefixQuery = (max: number) =>
  text({ max, min: MIN_PREFIX }).check(
    z.refine(
      // Shorter strings are refused by the minimum length already (one error per field).
      (v: string) => v.length < MIN_PREFIX || [...normaliseText(v).replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')].length >= MIN_PREFIX,
      `At least ${MIN_PREFIX} characters.`,
    ),
  );
const accountIdParam = z.string().check(z.minLength(1), z.maxLength(64));

/** A mobile number as E.164 (`+` and 7–15 digits); a `+` decoded as a space in a query string is accepted. */
export const e164Query = z.pipe(
  z.string().check(z.regex(/^[+ ]?[1-9]\d{6,14}$/, 'Use the E.164 format, e.g. +8613800000000.')),
  z.transform((v: string) => `+${v.replace(/^[+ ]/, '')}`),
);

/** A customer tag: letters, digits, spaces, `-`, `_`, `.`; at most 32 characters. */
export const tag = text({ max: 32 }).check(z.regex(/^[\p{L}\p{N} ._-]+$/u, 'A tag holds letters, digits, spaces, "-", "_" and "."'));
export const MAX_TAGS = 10;

const fromTo = (q: { [k: string]: unknown }, from: string, to: string) => !q[from] || !q[to] || String(q[from]) <= String(q[to]);

export const listPartnerCustomersRoute = defineRoute({
  operationId: 'listPartnerCustomers',
  method: 'GET',
  path: '/v1/partner-center/customers',
  summary:
    "The partner's customers by the seed-002 filters, contact fields masked (R-PD-10); an account manager sees only its assigned customers. Bounded pages: a page may hold fewer items than `limit` and still have a cursor.",
  tags: ['partners'],
  auth: 'session',
  query: z
    .strictObject({
      frozen: z.optional(booleanQuery),
      model: z.optional(z.enum(['reseller', 'referral'])),
      associatedFrom: z.optional(isoTime),
      associatedTo: z.optional(isoTime),
      customerName: z.optional(prefixQuery(100)),
      customerAccount: z.optional(prefixQuery(64)),
      customerId: z.optional(accountIdParam),
      accountManagerId: z.optional(accountIdParam),
      expenditureMin: z.optional(amount),
      expenditureMax: z.optional(amount),
      resourcesExpireAfter: z.optional(isoDate),
      resourcesExpireBefore: z.optional(isoDate),
      mobile: z.optional(e164Query),
      budgetUsageMin: z.optional(percent),
      budgetUsageMax: z.optional(percent),
      tag: z.optional(tag),
      ...paginationQuery,
    })
    .check(
      z.refine((q) => fromTo(q, 'associatedFrom', 'associatedTo'), {
        message: '`associatedFrom` must not be after `associatedTo`.',
        path: ['associatedFrom'],
      }),
      z.refine((q) => fromTo(q, 'resourcesExpireAfter', 'resourcesExpireBefore'), {
        message: '`resourcesExpireAfter` must not be after `resourcesExpireBefore`.',
        path: ['resourcesExpireAfter'],
      }),
    ),
  success: {
    status: 200,
    description: 'A page of customers; name, email and mobile masked',
    schema: z.object({
      items: z.array(
        z.object({
          customerId: z.string(),
          model: z.string(),
          associatedAt: isoTime,
          frozen: z.boolean(),
          authorized: z.boolean(),
          accountManagerId: z.optional(z.string()),
          tags: z.array(z.string()),
          customerName: z.optional(z.string()),
          accountName: z.optional(z.string()),
          email: z.optional(z.string()),
          mobile: z.optional(z.string()),
          budget: z.optional(z.object({ monthlyBudget: z.number(), currency: z.string() })),
          monthToDateExpenditure: z.optional(z.number()),
          budgetUsage: z.optional(z.number()),
          resourcesExpireAt: z.optional(z.string()),
        }),
      ),
      nextCursor: z.optional(z.string()),
    }),
  },
  errors: [403],
});

export const CONTACT_FIELDS = ['name', 'accountName', 'email', 'mobile'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const revealPartnerCustomerContactRoute = defineRoute({
  operationId: 'revealPartnerCustomerContact',
  method: 'GET',
  path: '/v1/partner-center/customers/{customerId}/contact/{field}',
  summary: "Reveal one of a customer's contact fields (R-PD-10); recorded in the association log (`contact-revealed`)",
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ customerId: accountIdParam, field: z.enum(CONTACT_FIELDS) }),
  success: {
    status: 200,
    description: 'The field, unmasked',
    schema: z.object({ field: z.enum(CONTACT_FIELDS), value: z.optional(z.string()) }),
  },
  errors: [403, 404],
});

export const setPartnerCustomerTagsRoute = defineRoute({
  operationId: 'setPartnerCustomerTags',
  method: 'PUT',
  path: '/v1/partner-center/customers/{customerId}/tags',
  summary: "Replace a customer's tags (searchable in the customer list, R-PD-10); seen only by the partner",
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ customerId: accountIdParam }),
  body: z.strictObject({ tags: z.array(tag).check(z.maxLength(MAX_TAGS)) }),
  success: { status: 200, description: 'The tags as stored', schema: z.object({ tags: z.array(z.string()) }) },
  errors: [403, 404, 409],
});

const recordItem = z.object({
  event: z.string(),
  time: isoTime,
  actor: z.object({ kind: z.string(), id: z.string() }),
  partnerId: z.optional(z.string()),
  customerId: z.optional(z.string()),
  customerName: z.optional(z.string()),
  model: z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.unknown())),
});
const recordsPage = z.object({ items: z.array(recordItem), nextCursor: z.optional(z.string()) });

export const listAssociationRecordsRoute = defineRoute({
  operationId: 'listAssociationRecords',
  method: 'GET',
  path: '/v1/partner-center/association-records',
  summary:
    "The partner's association records, newest first, permanent (R-PD-07): by association type, time, customer ID, name or account (tenant name prefix, ≥ 3 characters), event. A page may hold fewer items than `limit` and still have a cursor.",
  tags: ['partners'],
  auth: 'session',
  query: z
    .strictObject({
      model: z.optional(z.enum(['reseller', 'referral'])),
      from: z.optional(isoTime),
      to: z.optional(isoTime),
      customerId: z.optional(accountIdParam),
      customerName: z.optional(prefixQuery(100)),
      // R-PD-07: a prefix of the customer's account (tenant) name, case-insensitive; never the login ID.
      customerAccount: z.optional(prefixQuery(64)),
      event: z.optional(z.string().check(z.regex(/^[a-z-]{1,40}$/, 'An event name, e.g. associated.'))),
      ...paginationQuery,
    })
    .check(z.refine((q) => fromTo(q, 'from', 'to'), { message: '`from` must not be after `to`.', path: ['from'] })),
  success: { status: 200, description: 'Records', schema: recordsPage },
  errors: [403, 404],
});

export const listMyPartnerRecordsRoute = defineRoute({
  operationId: 'listMyPartnerRecords',
  method: 'GET',
  path: '/v1/partner/records',
  summary: "The customer's own association records (operation log), newest first, permanent (R-PD-07)",
  tags: ['partners'],
  auth: 'session',
  query: z.strictObject({ from: z.optional(isoTime), to: z.optional(isoTime), ...paginationQuery }),
  success: { status: 200, description: 'Records', schema: recordsPage },
});
