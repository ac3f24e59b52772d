/** Schemas shared by many routes: problem details, timestamps, pagination. */
import * as z from 'zod';
import { config } from '../config.js';

export const isoTime = z.iso.datetime().meta({ description: 'ISO 8601 UTC time', example: '2026-11-23T10:00:00.000Z' });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable UPPER_SNAKE identifier' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    failures: z.array(z.object({ condition: z.string(), message: z.string() })).optional(),
    retryAfter: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(config.pagination.maxLimit).optional(),
  cursor: z.string().max(2048).optional(),
};

/** A one-time code as typed by its owner (R-VC-01). */
export const code = z.string().regex(/^\d{6}$/, 'A code is 6 digits.');

export const verification = z
  .strictObject({
    challengeId: z.string().min(1).max(128),
    code,
  })
  .meta({ id: 'Verification' });
