/** R-AI-10: contact information; the industry must come from the catalogue. */
import type { AccountCaller } from '../core/caller.js';
import { ValidationFailed } from '../core/errors.js';
import { industryProblems } from './catalogues.js';
import { changeAccount } from './change-account.js';

export async function changeContact(caller: AccountCaller, contact: Record<string, string | undefined> & { industry: string }) {
  const problems = industryProblems(contact.industry, undefined).filter((p) => p.field === 'industry');
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const clean = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)) as Record<string, string>;
  await changeAccount(caller, 'changeContact', (account) => ({
    set: { contact: clean },
    read: ['contact'],
    changes: [{ field: 'contact', old: account.contact, new: clean }],
  }));
  return clean;
}
