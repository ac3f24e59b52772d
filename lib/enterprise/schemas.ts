/** The enterprise area's shared request/answer schemas (issue 12). */
import * as z from 'zod/mini';
import { ACCOUNTING_MODES, PERMISSIONS } from './kinds.js';

export const opaqueId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ID.'));
export const accountingMode = z.enum(ACCOUNTING_MODES);
export const permission = z.enum(PERMISSIONS);
export const permissions = z.array(permission).check(z.maxLength(PERMISSIONS.length));
