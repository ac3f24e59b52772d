/** Partners (issue 11): enrollment by an operator, the partner center's staff and invitations, association. */
import * as z from 'zod/mini';
import { CURRENCIES } from '../accounts/catalogues.js';
import { PURCHASE_OPERATIONS } from '../core/checks/purchase.js';
import { defineRoute } from '../core/http/route.js';
import { isoTime, text } from '../core/http/schemas.js';
import { MAX_MONTHLY_BUDGET, monthlyBudgetProblem } from './budget.js';
import { PARTNER_MODELS } from './model.js';

/** An opaque ID (account, customer, invitation): looked up, never stored as given. */
const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ID.'));
const model = z.enum(['reseller', 'referral']);
const contact = z.strictObject({
  name: z.optional(text({ max: 100 })),
  email: z.optional(z.string().check(z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'An email address.'))),
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{3,22}$/, 'A phone number.'))),
});

export const enrollPartnerRoute = defineRoute({
  operationId: 'enrollPartner',
  method: 'POST',
  path: '/v1/ops/partners',
  summary: 'Enroll an active account as a partner; it becomes the partner administrator (issue 11, R-RN-05 fact)',
  tags: ['operators'],
  auth: 'operator',
  idempotent: true,
  body: z.strictObject({
    accountId: id,
    name: text({ min: 1, max: 100 }),
    contacts: z.optional(z.array(contact).check(z.maxLength(5))),
  }),
  success: {
    status: 201,
    description: 'Enrolled',
    schema: z.object({ partnerId: z.string(), accountId: z.string(), name: z.string() }),
  },
  errors: [404, 409, 422],
});

export const addPartnerMemberRoute = defineRoute({
  operationId: 'addPartnerMember',
  method: 'POST',
  path: '/v1/partner-center/members',
  summary:
    'Invite an account to be an account manager of the partner (administrator only, R-PD-04); it joins only when it accepts (R-RN-05)',
  tags: ['partners'],
  auth: 'session',
  body: z.strictObject({ accountId: id, role: z.literal('account-manager') }),
  success: {
    status: 201,
    description: 'Invited: pending until the account accepts (GET /v1/partner-memberships) or the invitation lapses',
    schema: z.object({
      partnerId: z.string(),
      accountId: z.string(),
      role: z.literal('account-manager'),
      status: z.literal('pending'),
      requestId: z.string(),
      expiresAt: isoTime,
    }),
  },
  errors: [403, 404, 409, 422],
});

export const assignAccountManagerRoute = defineRoute({
  operationId: 'assignAccountManager',
  method: 'PUT',
  path: '/v1/partner-center/customers/{customerId}/account-manager',
  summary: "Assign one of the partner's account managers to a customer (administrator only, R-PD-04)",
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ customerId: id }),
  body: z.strictObject({ accountId: id }),
  success: {
    status: 200,
    description: 'Assigned',
    schema: z.object({ customerId: z.string(), accountManagerId: z.string() }),
  },
  errors: [403, 404, 409, 422],
});

export const createPartnerInvitationRoute = defineRoute({
  operationId: 'createPartnerInvitation',
  method: 'POST',
  path: '/v1/partner-center/invitations',
  summary: 'Create an invitation link and QR payload for a model; expires, revocable, capped per day (R-PA-01)',
  tags: ['partners'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({ model }),
  success: {
    status: 201,
    description: 'The invitation; the token is shown only now',
    schema: z.object({
      invitationId: z.string(),
      model,
      token: z.string(),
      url: z.string(),
      qrPayload: z.string(),
      expiresAt: isoTime,
    }),
  },
  errors: [403, 409, 429],
});

export const revokePartnerInvitationRoute = defineRoute({
  operationId: 'revokePartnerInvitation',
  method: 'DELETE',
  path: '/v1/partner-center/invitations/{invitationId}',
  summary: 'Revoke an invitation: its token stops working (R-PA-01)',
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ invitationId: id }),
  success: {
    status: 200,
    description: 'Revoked',
    schema: z.object({ invitationId: z.string(), status: z.literal('revoked') }),
  },
  errors: [403, 404],
});

/** The association a register-and-associate sign-up made (issue 11, R-PA-01). */
export const partnerAssociation = z.object({ partnerId: z.string(), model, frozen: z.boolean() });

export const associatePartnerRoute = defineRoute({
  operationId: 'associatePartner',
  method: 'POST',
  path: '/v1/partner/association',
  summary: 'Log in and associate with a partner by its invitation: preconditions checked, reseller frozen (R-PA-01..05)',
  tags: ['partners'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({
    invitationToken: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,256}$/, 'The token of an invitation link.')),
    acceptInstructions: z.literal(
      true,
      "The instructions (sharing the customer's name and contact data with the partner) must be accepted.",
    ),
    authorizeOperations: z.optional(z.boolean()),
  }),
  success: { status: 201, description: 'Associated', schema: partnerAssociation },
  errors: [409, 422],
});

// ---- freeze and budget, authorization, My Partner (R-PA-04..06)

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
    description:
      'Allowed (otherwise 422 ACCOUNT_SUSPENDED with the refusals when the account is suspended — `account-suspended`, `master-suspended` (R-MM-04), `payment-method-required` (R-MM-05) — or 422 ACCOUNT_FROZEN, e.g. `partner-frozen`)',
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
