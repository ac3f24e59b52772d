/** The customer's re-authentication (issue 13 item 2, R-RA-01..06). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { enterpriseFields, individualFields, materialId } from './fields-route.js';

const form = { applicationForm: materialId };

export const submitReauthenticationRoute = /* @__PURE__ */ defineRoute({
  operationId: 'submitReauthentication',
  method: 'POST',
  path: '/v1/real-name/reauthentications',
  summary:
    'Change the authentication in force (R-RA-01..04): a new individual owner, individual to enterprise, a new enterprise entity, a new enterprise name (same registration number); materials and the form (`reauth-form`) must be the caller’s verified uploads; refused in arrears (R-RA-01, R-RA-03), for KooGallery sellers (R-RA-03), while an enterprise invitation is open and for a member sharing its master’s authentication (R-RA-06); the old authentication stays in force and shown until approval (R-RA-05)',
  tags: ['real-name'],
  auth: 'session',
  idempotent: true,
  body: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('individual-owner'),
      ...individualFields,
      materials: z.strictObject({ certificatePage: materialId, holdingPhoto: materialId, previousOwnerCertificate: materialId }),
      ...form,
    }),
    z.strictObject({
      kind: z.literal('individual-to-enterprise'),
      ...enterpriseFields,
      materials: z.strictObject({
        certificateFront: materialId,
        certificateBack: materialId,
        ownerHoldingPassportVisaPage: materialId,
        ownerHoldingPassportInfoPage: materialId,
      }),
      ...form,
    }),
    z.strictObject({
      kind: z.literal('enterprise-entity'),
      ...enterpriseFields,
      materials: z.strictObject({ certificate: materialId, previousCertificate: materialId }),
      ...form,
    }),
    z.strictObject({
      kind: z.literal('enterprise-name'),
      ...enterpriseFields,
      materials: z.strictObject({ certificate: materialId, supporting: z.optional(materialId) }),
      ...form,
    }),
  ]),
  success: {
    status: 201,
    description: 'The change is pending review; the authentication in force stays until it is approved',
    schema: z.object({ applicationId: z.string(), status: z.literal('pending'), reviewDueBy: isoTime }),
  },
  errors: [401, 409, 422],
});
