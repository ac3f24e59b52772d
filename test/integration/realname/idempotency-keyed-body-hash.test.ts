/**
 * Review R1 (issue 13 item 1, R-SEC-04 × "raw certificate numbers are never stored"): the Idempotency-Key record of a
 * real-name submission must not let anyone who reads the table recover the raw certificate number. Today the record
 * keeps `bodyHash` = unkeyed SHA-256 of the raw request body, and every other field of that body (kind, type, name,
 * country, material IDs, last 4 characters) is stored in clear in the application — so the number falls to a small
 * offline search.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../../lib/core/crypto.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { type IndividualDetails, isIndividualDetails } from '../../../lib/realname/model.js';
import { loadApplication } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { apply, materialsFor } from '../../support/realname.js';

describe('idempotency record of a real-name submission', () => {
  it('R-RN-04/R-SEC-04: the Idempotency-Key record of a submission does not reveal the raw certificate number (issue 13 item 1)', async () => {
    const account = await activeAccount();
    const materials = await materialsFor(account, 'individual');
    const secretDigits = String(10_000 + Math.floor(Math.random() * 89_999)); // 5 unknown digits
    const number = `P${secretDigits}7391`;
    const body = {
      kind: 'individual',
      certificateType: 'passport',
      fullName: 'Li Lei',
      certificateNumber: number,
      issuingCountry: 'DE',
      materials,
    };
    const idemKey = 'r1-idem-bodyhash-1';
    const res = await apply(account, body, { 'idempotency-key': idemKey });
    expect(res.status).toBe(201);

    // What a reader of the table sees: the application (clear fields, last 4) and the idempotency record.
    const app = (await loadApplication(res.body.applicationId))!;
    expect(isIndividualDetails(app.details)).toBe(true);
    const d = app.details as IndividualDetails;
    const key = keys.idempotency(`submitRealNameApplication#${account.accountId}`, keyedHash('idempotency', idemKey));
    const record = (await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;
    expect(record).toBeDefined();

    // The offline search a table reader can run: every candidate with the known prefix letter and last 4.
    let recovered: string | undefined;
    for (let n = 0; n < 100_000 && !recovered; n += 1) {
      const candidate = `P${String(n).padStart(5, '0')}${d.certificateNumberLast4}`;
      const guess = JSON.stringify({
        kind: app.kind,
        certificateType: d.certificateType,
        fullName: d.fullName,
        certificateNumber: candidate,
        issuingCountry: d.issuingCountry,
        materials: app.materials,
      });
      if (createHash('sha256').update(guess).digest('base64url') === record!.bodyHash) recovered = candidate;
    }
    expect(recovered, 'the raw certificate number was recovered from the idempotency record').toBeUndefined();
  });
});
