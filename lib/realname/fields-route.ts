/** Field types of the real-name routes (issue 13), for the route specs only. */
import * as z from 'zod/mini';
import { countryRegion } from '../accounts/schemas.js';
import { text } from '../core/http/schemas.js';
import { CERTIFICATE_TYPES } from './model.js';

export const opaqueId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ID.'));
export const materialId = opaqueId;
/**
 * A certificate or registration number as printed: letters, digits, spaces and hyphens (stored as a keyed hash + the
 * last 4 characters), at least 6 letters or digits, so the kept last 4 never are the whole number.
 */
export const certificateNumber = z
  .string()
  .check(
    z.regex(
      /^(?=(?:[ -]*[A-Za-z0-9]){6})[A-Za-z0-9][A-Za-z0-9 -]{2,63}$/,
      'Letters, digits, spaces and hyphens, up to 64 characters, with at least 6 letters or digits.',
    ),
  );

export const individualFields = {
  certificateType: z.enum(CERTIFICATE_TYPES),
  fullName: text({ max: 100 }),
  certificateNumber,
  issuingCountry: countryRegion,
};

export const enterpriseFields = {
  countryRegion,
  registeredAddress: text({ max: 300 }),
  enterpriseName: text({ max: 200 }),
  registrationNumber: certificateNumber,
};

export const individualApplication = z.strictObject({
  kind: z.literal('individual'),
  ...individualFields,
  materials: z.strictObject({ certificatePage: materialId, holdingPhoto: materialId }),
});

export const enterpriseApplication = z.strictObject({
  kind: z.literal('enterprise'),
  ...enterpriseFields,
  materials: z.strictObject({ certificate: materialId }),
});

export const pendingResult = z.object({ applicationId: z.string(), status: z.literal('pending'), reviewDueBy: z.string() });
