/**
 * The one catalogue of what the product says to people when it refuses something. A refusal is built
 * here once and thrown from wherever the rule is checked, so the same situation reads the same everywhere.
 */
import { RuleViolation } from './errors.js';

export const messages = {
  /** R-CL-10: a closed account may read, restore or disable; nothing else. */
  servicesClosed: {
    detail: 'Cloud services are closed: only history, restore and disable are available.',
    failure: { condition: 'services-closed', message: 'Restore cloud services (possible 24 hours after closing) or disable them.' },
  },
} as const;

/** R-CL-10: the refusal every mutating path gives a closed account. */
export function servicesClosed(): RuleViolation {
  return new RuleViolation('NOT_ALLOWED', messages.servicesClosed.detail, [{ ...messages.servicesClosed.failure }]);
}
