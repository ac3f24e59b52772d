import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, text } from '../core/http/schemas.js';
import { CONTENT_TYPES, MATERIAL_PURPOSES, type MaterialPurpose, declarationProblems } from './rules.js';

/** Issue 9 item 18: per purpose, the content types and sizes it takes; the name's extension must agree (the pure rule). */
const variants = (Object.entries(MATERIAL_PURPOSES) as Array<[MaterialPurpose, (typeof MATERIAL_PURPOSES)[MaterialPurpose]]>).map(
  ([purpose, rule]) =>
    z
      .strictObject({
        purpose: z.literal(purpose),
        fileName: text({ max: 200 }),
        contentType: z.enum([...new Set(rule.types.map((t) => CONTENT_TYPES[t]))] as [string, ...string[]]),
        sizeBytes: z.number().check(z.int(), z.minimum(1), z.maximum(rule.maxBytes)),
      })
      .check(
        z.superRefine((b, ctx) => {
          for (const p of declarationProblems(b.purpose, b.fileName, b.contentType, b.sizeBytes)) {
            if (p.field === 'contentType') ctx.addIssue({ code: 'custom', path: ['contentType'], message: p.message });
          }
        }),
      ),
);
// One purpose today: a union of one would be an illogical `oneOf` in the document.
const declaration = (variants.length === 1
  ? variants[0]!
  : z.discriminatedUnion('purpose', variants as never)) as unknown as z.ZodMiniType<{
  purpose: MaterialPurpose;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}>;

export const declareMaterialRoute = defineRoute({
  operationId: 'declareMaterial',
  method: 'POST',
  path: '/v1/materials',
  summary: 'Declare a file to upload (type and size enforced by the presigned target) (R-AI-07)',
  tags: ['materials'],
  auth: 'session',
  idempotent: true,
  body: declaration,
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
  params: z.strictObject({ materialId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  success: {
    status: 200,
    description: 'Verified; usable as evidence',
    schema: z.object({ materialId: z.string(), status: z.literal('verified'), fileType: z.string() }),
  },
  errors: [404, 422],
});
