/** R-AI-11: industry with its secondary industry where the industry has them. */
import type { AccountCaller } from '../core/caller.js';
import { ValidationFailed } from '../core/errors.js';
import { industryProblems } from './catalogues.js';
import { changeAccount } from './change-account.js';

export async function changeIndustry(caller: AccountCaller, input: { industry: string; secondaryIndustry?: string }) {
  const problems = industryProblems(input.industry, input.secondaryIndustry);
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const industry = { industry: input.industry, ...(input.secondaryIndustry ? { secondaryIndustry: input.secondaryIndustry } : {}) };
  await changeAccount(caller, 'changeIndustry', (account) => ({
    set: { industry },
    read: ['industry'],
    changes: [{ field: 'industry', old: account.industry, new: industry }],
  }));
  return industry;
}
