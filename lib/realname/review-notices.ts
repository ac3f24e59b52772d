/**
 * The operators' notice of an overdue review (issue 13 item 8, R-RN-03): to `realNameConfig.operatorsEmail`, with
 * the application ID, its kind and the due date only (no personal data).
 */
import { realNameConfig } from '../core/config.js';
import { messageFor } from '../core/notify/notice.js';
import { type OutboxEntry, outboxEntry } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';
import type { RealNameApplication } from './model.js';

export const REVIEW_OVERDUE_NOTICE = 'realname-review-overdue';

addTemplates(REVIEW_OVERDUE_NOTICE, {
  en: (v) => ({
    subject: `Real-name review overdue: ${v.applicationId}`,
    body: `The review of real-name application ${v.applicationId} (${v.kind}) was due at ${v.reviewDueBy} and is still pending. Review it in the operators' queue (GET /v1/ops/real-name/applications?status=overdue).`,
  }),
  zh: (v) => ({
    subject: `实名认证审核已超期：${v.applicationId}`,
    body: `实名认证申请 ${v.applicationId}（${v.kind}）应于 ${v.reviewDueBy} 前完成审核，目前仍待审核。请在运营审核队列中处理（GET /v1/ops/real-name/applications?status=overdue）。`,
  }),
});

/** The outbox entry telling the operators' channel that `app`'s review is overdue. */
export function reviewOverdueNotice(app: Pick<RealNameApplication, 'applicationId' | 'kind' | 'reviewDueBy'>): OutboxEntry {
  return outboxEntry(
    messageFor({ channel: 'email', to: realNameConfig.operatorsEmail, language: 'en', timeZone: 'UTC' }, REVIEW_OVERDUE_NOTICE, {
      applicationId: app.applicationId,
      kind: app.kind,
      reviewDueBy: app.reviewDueBy,
    }),
  );
}
