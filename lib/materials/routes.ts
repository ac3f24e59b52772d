import * as z from 'zod';
import { defineRoute } from '../http/route.js';
import { isoTime } from '../http/schemas.js';
import { MATERIAL_PURPOSES } from './rules.js';

export const declareMaterialRoute = defineRoute({
  operationId: 'declareMaterial',
  method: 'POST',
  path: '/v1/materials',
  summary: 'Declare a file to upload (type and size enforced by the presigned target) (R-AI-07)',
  tags: ['materials'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({
    purpose: z.enum(Object.keys(MATERIAL_PURPOSES) as [keyof typeof MATERIAL_PURPOSES]),
    fileName: z.string().min(1).max(200),
    contentType: z.string().min(1).max(200),
    sizeBytes: z.number().int().min(1),
  }),
  success: {
    status: 201,
    description: 'Upload the bytes with `upload.method` to `upload.url` and exactly `upload.headers`, then complete',
    schema: z.object({
      materialId: z.string(),
      upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: isoTime }),
    }),
  },
});

export const completeMaterialRoute = defineRoute({
  operationId: 'completeMaterial',
  method: 'POST',
  path: '/v1/materials/{materialId}/complete',
  summary: 'Check the uploaded bytes (magic number, real size) and accept or refuse the file',
  tags: ['materials'],
  auth: 'session',
  params: z.strictObject({ materialId: z.string().min(1).max(64) }),
  success: {
    status: 200,
    description: 'Verified; usable as evidence',
    schema: z.object({ materialId: z.string(), status: z.literal('verified'), fileType: z.string() }),
  },
  errors: [404, 422],
});
