/**
 * The schemas the disassociation routes share (issue 11, R-PD-01..09). Each route is a module of its own
 * (`*-route.ts`), so a function's bundle carries only its own route's schemas (the deployed bundle budget).
 */
import * as z from 'zod/mini';
import { isoTime } from '../core/http/schemas.js';

export const failures = z.array(z.object({ condition: z.string(), message: z.string() }));
export const opened = z.object({ requestId: z.string(), status: z.literal('pending'), expiresAt: isoTime });
export const requestParams = z.strictObject({ requestId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const decided = z.object({ status: z.enum(['approved', 'rejected']) });
