import * as z from 'zod/mini';
import { CURRENCIES } from '../accounts/catalogues.js';
import { PURCHASE_OPERATIONS } from '../core/checks/purchase.js';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { MAX_MONTHLY_BUDGET, monthlyBudgetProblem } from './budget.js';
import { PARTNER_MODELS } from './model.js';

const customerIdParams = z.strictObject({ customerId: z.string().check(z.minLength(1), z.maxLength(64)) });

const monthlyBudget = z.number().check(
  z.superRefine((value: number, ctx) => {
    const problem = monthlyBudgetProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  z.meta({ description: `A non-negative amount with at most two decimal places, at most ${MAX_MONTHLY_BUDGET}`, example: 1500.5 }),
);

export const setCustomerBudgetRoute = defineRoute({
  operationId: 'setCustomerBudget',
  method: 'PUT',
  path: '/v1/partner-center/customers/{customerId}/budget',
  summary:
    "Set a reseller customer's monthly budget; the first one lifts the freeze of association (R-PA-04). Partner administrator only; audited on the customer with the partner as actor (R-PA-06)",
  tags: ['partners'],
  auth: 'session',
  params: customerIdParams,
  body: z.strictObject({ monthlyBudget, currency: z.enum(CURRENCIES) }),
  success: {
    status: 200,
    description: 'The budget is set and the customer is not frozen',
    schema: z.object({ frozen: z.literal(false), monthlyBudget: z.number(), currency: z.string() }),
  },
  errors: [403, 404, 409, 422],
});

export const authorizePurchaseRoute = defineRoute({
  operationId: 'authorizePurchase',
  method: 'POST',
  path: '/v1/account/purchase-authorizations',
  summary:
    'May this account purchase, renew or change resources now? Asked by the order services before they take an order: a reseller customer is frozen until its partner sets a monthly budget (R-PA-04)',
  tags: ['partners'],
  auth: 'session',
  body: z.strictObject({ operation: z.enum(PURCHASE_OPERATIONS) }),
  success: {
    status: 200,
    description: 'Allowed (otherwise 422 ACCOUNT_FROZEN with the refusals, e.g. `partner-frozen`)',
    schema: z.object({ allowed: z.literal(true), operation: z.enum(PURCHASE_OPERATIONS) }),
  },
  errors: [422],
});

const pendingRequest = z.object({
  requestId: z.string(),
  initiatedBy: z.enum(['customer', 'partner']),
  reason: z.optional(z.string()),
  createdAt: isoTime,
  expiresAt: isoTime,
});

export const getPartnerRoute = defineRoute({
  operationId: 'getPartner',
  method: 'GET',
  path: '/v1/partner',
  summary:
    "My Partner: the customer's partner, association time (R-PA-05), freeze (R-PA-04), authorization (R-PA-06), budget and a pending disassociation request",
  tags: ['partners'],
  auth: 'session',
  success: {
    status: 200,
    description: 'The association as the customer sees it',
    schema: z.object({
      partnerId: z.string(),
      partnerName: z.string(),
      model: z.enum(PARTNER_MODELS),
      associatedAt: isoTime,
      couponsApplyToOrdersBefore: z.optional(
        isoTime.check(z.meta({ description: 'Reseller: cash coupons pay only orders created before this (R-PA-05)' })),
      ),
      frozen: z.boolean(),
      authorized: z.boolean(),
      authorizationChangedAt: z.optional(isoTime),
      contacts: z.array(z.object({ name: z.optional(z.string()), email: z.optional(z.string()), phone: z.optional(z.string()) })),
      monthlyBudget: z.optional(z.object({ amount: z.number(), currency: z.string(), setAt: isoTime })),
      pendingRequest: z.optional(pendingRequest),
    }),
  },
  errors: [404],
});

export const setPartnerAuthorizationRoute = defineRoute({
  operationId: 'setPartnerAuthorization',
  method: 'PUT',
  path: '/v1/partner/authorization',
  summary: 'Grant or revoke the partner’s authorization to act on this account’s behalf (R-PA-06)',
  tags: ['partners'],
  auth: 'session',
  body: z.strictObject({ authorizeOperations: z.boolean() }),
  success: { status: 200, description: 'The authorization now', schema: z.object({ authorized: z.boolean(), changedAt: isoTime }) },
  errors: [404, 409],
});
