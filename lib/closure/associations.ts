/**
 * R-CL-03: partner and enterprise (master/member) associations fail the closure check. Those
 * capabilities do not exist yet; they plug in here, and this is the only place the check reads them.
 */
import type { Associations } from './rules.js';

export async function associationsOf(_accountId: string): Promise<Associations> {
  return { partnerAssociated: false, enterpriseAssociated: false };
}
