/**
 * Issue 13 item 6 (R-RN-01, R-RN-08): an application as the reviewer sees it. Details with the last 4 characters of
 * numbers only (never a hash); each material (and the application form) with a presigned GET link that lives
 * `realNameConfig.readLinkSeconds`. Reading an applicant's personal data is audited on the applicant's traces
 * (`viewRealNameApplication`, actor `operator:<id>`) before anything is answered.
 */
import { audit } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { realNameConfig } from '../core/config.js';
import { NotFound } from '../core/errors.js';
import { materialReadLinks } from '../materials/read-links.js';
import { type RealNameApplication, shownDetails } from './model.js';
import { loadApplication } from './store.js';

/** The application's materials by slot; the application form (a `reauth-form` material) as slot `applicationForm`. */
export function slotsOf(app: Pick<RealNameApplication, 'materials' | 'applicationForm'>): Array<{ slot: string; materialId: string }> {
  return [
    ...Object.entries(app.materials ?? {}).map(([slot, materialId]) => ({ slot, materialId })),
    ...(app.applicationForm ? [{ slot: 'applicationForm', materialId: app.applicationForm }] : []),
  ];
}

export async function getRealNameApplication(caller: OperatorCaller, input: { applicationId: string }) {
  const app = await loadApplication(input.applicationId);
  if (!app) throw new NotFound('No such application.');
  await audit({
    accountId: app.accountId,
    traceName: 'viewRealNameApplication',
    request: caller.origin,
    result: 'success',
    actor: actorOf(caller),
    changes: [{ field: 'realNameApplication', new: app.applicationId }],
  });
  const slots = slotsOf(app);
  const { links } = await materialReadLinks(
    app.accountId,
    slots.map((s) => s.materialId),
    realNameConfig.readLinkSeconds,
  );
  const byId = new Map(links.map((l) => [l.materialId, l]));
  return {
    applicationId: app.applicationId,
    accountId: app.accountId,
    kind: app.kind,
    status: app.status,
    submittedAt: app.submittedAt,
    reviewDueBy: app.reviewDueBy,
    overdue: app.overdue === true,
    details: app.details ? shownDetails(app.details) : {},
    materials: slots.map(({ slot, materialId }) => {
      const link = byId.get(materialId);
      // A material removed since (a disabled account's files are purged) is named but has no link.
      if (!link) return { slot, materialId, available: false };
      return {
        slot,
        materialId,
        available: true,
        purpose: link.purpose,
        fileType: link.fileType,
        sizeBytes: link.sizeBytes,
        readUrl: link.readUrl,
        readUrlExpiresAt: link.expiresAt,
      };
    }),
    ...(app.decision
      ? {
          decision: {
            status: app.decision.status,
            operatorId: app.decision.operatorId,
            at: app.decision.at,
            reasons: (app.decision.reasons ?? []).map((r) => ({
              code: r.code,
              ...(r.materialId ? { materialId: r.materialId } : {}),
              ...(r.note ? { note: r.note } : {}),
            })),
          },
        }
      : {}),
  };
}
