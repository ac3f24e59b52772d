/**
 * Reading materials (R-RN-08): the bytes are private; the owner's views and operators get short-lived presigned GET
 * links, made here for materials of one account only. A material of another account, or one not verified, is simply
 * not among the answers (the caller decides whether that is a 404 or a refusal).
 */
import type { FileType, MaterialPurpose } from './rules.js';
import { materialStorage } from './storage.js';
import { type MaterialItem, loadMaterial } from './store.js';

export interface MaterialReadLink {
  materialId: string;
  purpose: MaterialPurpose;
  fileType: FileType;
  sizeBytes: number;
  readUrl: string;
  expiresAt: string;
}

type VerifiedMaterial = MaterialItem & { status: 'verified'; fileType: FileType };

/** The verified materials of `accountId` among `materialIds` (looked up under that account only), in the order asked. */
export async function loadVerifiedMaterials(accountId: string, materialIds: readonly string[]): Promise<VerifiedMaterial[]> {
  const items = await Promise.all([...new Set(materialIds)].map((id) => loadMaterial(accountId, id)));
  return items.filter((m): m is VerifiedMaterial => m?.status === 'verified' && m.fileType !== undefined);
}

/** Links valid for `ttlSeconds` to the verified materials of `accountId` among `materialIds`; `missing` names the others. */
export async function materialReadLinks(
  accountId: string,
  materialIds: readonly string[],
  ttlSeconds: number,
): Promise<{ links: MaterialReadLink[]; missing: string[] }> {
  const verified = await loadVerifiedMaterials(accountId, materialIds);
  const storage = materialStorage();
  const links = await Promise.all(
    verified.map(async (m) => {
      const link = await storage.readLink(m.finalKey, ttlSeconds);
      return {
        materialId: m.materialId,
        purpose: m.purpose,
        fileType: m.fileType,
        sizeBytes: m.sizeBytes,
        readUrl: link.url,
        expiresAt: link.expiresAt,
      };
    }),
  );
  const found = new Set(links.map((l) => l.materialId));
  return { links, missing: [...new Set(materialIds)].filter((id) => !found.has(id)) };
}
