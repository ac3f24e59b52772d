/**
 * Issue 9 item 11: the deployed role grants exactly the DynamoDB, SNS and S3 actions the code uses
 * (derived from the source by test/support/iam.ts), and every other AWS action the code uses. The
 * packaged CloudFormation role is checked the same way in test/integration/deploy/package.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECKED_SERVICES, compare, grantedActions, ofService, usedActions } from '../../support/iam.js';

const statements = parse(readFileSync('serverless.yml', 'utf8')).provider.iam.role.statements;
const used = usedActions('.');

describe('IAM grants follow from the code (issue 9 item 11)', () => {
  it('every SDK command the deployed code sends is known to the derivation (a new one must be mapped)', () => {
    expect(used.unmapped).toEqual([]);
  });

  it('the derivation finds what the code is known to use (it cannot silently find nothing)', () => {
    for (const service of CHECKED_SERVICES) expect(ofService(used.actions, service).length, service).toBeGreaterThan(0);
    // The purge after disabling (lib/closure/store.ts) deletes in batches.
    expect(used.actions).toContain('dynamodb:BatchWriteItem');
  });

  it('serverless.yml grants every action the code uses, and no DynamoDB/SNS/S3 action it does not use', () => {
    const { missing, unused } = compare(used.actions, grantedActions(statements));
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
  });

  it.each([
    [
      'an action the code uses is missing',
      (s: any[]) => s.map((x) => ({ ...x, Action: [x.Action].flat().filter((a: string) => a !== 'dynamodb:BatchWriteItem') })),
    ],
    ['an unused action is granted', (s: any[]) => [...s, { Effect: 'Allow', Action: ['dynamodb:Scan'], Resource: '*' }]],
  ])('the comparison notices when %s', (_name, mutate) => {
    const { missing, unused } = compare(used.actions, grantedActions(mutate(statements)));
    expect(missing.length + unused.length).toBeGreaterThan(0);
  });
});
