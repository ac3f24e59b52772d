import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FILES } from '../support/files.js';
import { codeFor, sendCode, signUpOverHttp, uniqueE2eEmail } from '../support/e2e.js';
import { apiUrl, call } from '../support/http.js';
import { putToTarget } from '../support/upload.js';

describe('account information over HTTP on the local stage', () => {
  it('R-AI-08 R-AU-01 R-AU-03 R-SEC-05 change the service mobile with two codes, then find changePhone in the audit traces', async () => {
    const tag = randomBytes(5).toString('hex');
    const mobile = `+49151${String(parseInt(tag, 16)).padStart(8, '0').slice(0, 8)}`;
    const { email, token } = await signUpOverHttp(uniqueE2eEmail('info'));

    const identity = { challengeId: await sendCode({ purpose: 'verify-identity', channel: 'email' }, token), code: await codeFor(email) };
    const newMobile = {
      challengeId: await sendCode({ purpose: 'new-mobile', channel: 'sms', destination: mobile }, token),
      code: await codeFor(mobile),
    };
    const changed = await call('PUT', '/v1/account/service-mobile', { token, body: { identity, newMobile } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const traces = await call('GET', '/v1/audit/traces?traceName=changePhone', { token });
    expect(traces.status).toBe(200);
    expect(traces.body.items).toHaveLength(1);
    expect(traces.body.items[0]).toMatchObject({ traceName: 'changePhone', resourceType: 'accountCenter', result: 'success' });
    expect(traces.body.items[0].changes[0].new).not.toBe(mobile);

    // Another account sees none of it.
    const other = await signUpOverHttp(uniqueE2eEmail('other'));
    const otherTraces = await call('GET', '/v1/audit/traces?traceName=changePhone', { token: other.token });
    expect(otherTraces.body.items).toEqual([]);
  });

  it('R-AI-07 a qualification proof uploads as raw bytes through the presigned target on s3rver and passes the content check (issue 13 item 1)', async () => {
    const { token } = await signUpOverHttp(uniqueE2eEmail('upload'));
    const declared = await call('POST', '/v1/materials', {
      token,
      body: { purpose: 'qualification-proof', fileName: 'scan.png', contentType: 'image/png', sizeBytes: FILES.png.length },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    // The target is the S3 emulator, not the API: no contract check on its answer.
    expect(new URL(declared.body.upload.url).origin).not.toBe(new URL(apiUrl()).origin);
    const uploaded = await putToTarget(declared.body.upload, FILES.png);
    expect(uploaded.status, uploaded.text).toBe(200);
    const done = await call('POST', `/v1/materials/${declared.body.materialId}/complete`, { token });
    expect(done.body).toMatchObject({ status: 'verified', fileType: 'png' });
  });
});
