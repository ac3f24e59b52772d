/**
 * R-PD-09 (seed 004): the partner's consent email a customer's service ticket carries. Pure. It must come from the
 * partner's registered email — decided: the email of the partner administrator's account (Partner Center "Basic
 * Information > Account Information > Email" is the partner account's own email; the contacts shown to customers
 * are not registered addresses) — and its subject and body must follow the template naming both accounts:
 *   subject: "Approving HUAWEI CLOUD account <customer> to disassociate from partner account <partner>"
 *   body:    "HUAWEI CLOUD partner (account name: <partner>) agrees to cancel the association with the customer
 *             (account name: <customer>). … We hereby authorize HUAWEI CLOUD to cancel the association with the
 *             customer (account name: <customer>)."
 * An account's name is its tenant name or its login ID. Matching ignores case and runs of white space.
 * The email must have been received after the association began (an earlier one cannot be about this association:
 * a replayed consent) and be at most `maxAgeSeconds` old (`partnersConfig.ticketConsentMaxAgeSeconds`, 30 days
 * *default*) — security review 1 finding 4.
 */
import type { Failure } from '../core/errors.js';

export interface ConsentEmail {
  from: string;
  /** Seed 004 template: "Recipient: Email address of the associated customer". */
  to: string;
  subject: string;
  body: string;
  receivedAt: string;
}

export interface ConsentParties {
  /** The partner's registered email. */
  partnerEmail: string;
  /** The associated customer's emails: its account email and its service email, the one the partner center shows. */
  customerEmails: string[];
  /** Names the partner account goes by (tenant name, login ID). */
  partnerNames: string[];
  customerNames: string[];
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const escapeRe = (s: string) => norm(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names: string[]) =>
  `(?:${names
    .filter((n) => n.trim() !== '')
    .map(escapeRe)
    .join('|')})`;

/** When the consent may have been received: not before the association began, not longer ago than `maxAgeSeconds`. */
export interface ConsentBounds {
  associatedAt: string;
  maxAgeSeconds: number;
}

export function consentFailures(email: ConsentEmail, parties: ConsentParties, at: Date, bounds: ConsentBounds): Failure[] {
  const failures: Failure[] = [];
  if (norm(email.from) !== norm(parties.partnerEmail)) {
    failures.push({ condition: 'consent-sender', message: "The consent email must come from the partner's registered email address." });
  }
  if (!parties.customerEmails.some((e) => norm(e) === norm(email.to))) {
    failures.push({ condition: 'consent-recipient', message: "The consent email must be addressed to the customer's email address." });
  }
  const partner = anyOf(parties.partnerNames);
  const customer = anyOf(parties.customerNames);
  const subject = new RegExp(`^approving huawei cloud account ${customer} to disassociate from partner account ${partner}$`);
  if (!subject.test(norm(email.subject))) {
    failures.push({
      condition: 'consent-subject',
      message:
        'The subject must be "Approving HUAWEI CLOUD account <customer account> to disassociate from partner account <partner account>".',
    });
  }
  const body = norm(email.body);
  const agrees = new RegExp(
    `huawei cloud partner \\(account name: ${partner}\\) agrees to cancel the association with the customer \\(account name: ${customer}\\)`,
  );
  const authorizes = new RegExp(
    `we hereby authorize huawei cloud to cancel the association with the customer \\(account name: ${customer}\\)`,
  );
  if (!agrees.test(body) || !authorizes.test(body)) {
    failures.push({
      condition: 'consent-body',
      message:
        'The body must follow the template: the partner (account name) agrees to cancel the association with the customer (account name) and authorizes HUAWEI CLOUD to cancel it.',
    });
  }
  const received = Date.parse(email.receivedAt);
  if (received > at.getTime()) {
    failures.push({ condition: 'consent-received-at', message: 'The consent email cannot have been received in the future.' });
  }
  if (received < Date.parse(bounds.associatedAt)) {
    failures.push({
      condition: 'consent-predates-association',
      message: 'The consent email was received before the association began; ask the partner for a new one.',
    });
  }
  if (at.getTime() - received > bounds.maxAgeSeconds * 1000) {
    failures.push({ condition: 'consent-too-old', message: 'The consent email is too old; ask the partner for a new one.' });
  }
  return failures;
}
