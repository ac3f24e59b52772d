/** R-AI-07: tax information; a qualification proof is an uploaded, content-checked file. */
import type { AccountCaller } from '../core/caller.js';
import { changeAccount } from './change-account.js';

export interface TaxInfoInput {
  qualificationName: string;
  taxId: string;
  qualificationProof?: string;
}

export async function changeTaxInfo(
  caller: AccountCaller,
  input: TaxInfoInput,
  proofCheck: (accountId: string, materialId: string) => Promise<void>,
) {
  if (input.qualificationProof) await proofCheck(caller.accountId, input.qualificationProof);
  const taxInfo = {
    qualificationName: input.qualificationName,
    taxId: input.taxId,
    ...(input.qualificationProof ? { qualificationProof: input.qualificationProof } : {}),
  };
  await changeAccount(caller, 'changeTaxInfo', (account) => ({
    set: { taxInfo },
    read: ['taxInfo'],
    changes: [{ field: 'taxId', old: (account.taxInfo as { taxId?: string } | undefined)?.taxId, new: input.taxId }],
  }));
  return taxInfo;
}
