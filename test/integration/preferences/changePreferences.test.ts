import { describe, expect, it } from 'vitest';
import { handler as changePasswordHandler } from '../../../functions/accounts/changePassword.js';
import { handler as preferencesHandler } from '../../../functions/preferences/changePreferences.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { currencyHistory } from '../../../lib/preferences/changePreferences.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, signUp } from '../../support/identity.js';

const prefs = (token: string, body: object) =>
  invoke(preferencesHandler, { method: 'PUT', path: '/v1/account/preferences', headers: bearer(token), body });

describe('preferences', () => {
  it('R-PR-01 the time zone must be an IANA zone', async () => {
    const { token } = await signUp();
    expect((await prefs(token, { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await prefs(token, { timeZone: 'Asia/Shanghai' })).status).toBe(200);
  });

  it('R-PR-01 notices from then on use the message language (and time zone)', async () => {
    const { token, email } = await signUp();
    expect((await prefs(token, { messageLanguage: 'zh', timeZone: 'Asia/Shanghai' })).body).toMatchObject({
      messageLanguage: 'zh',
      timeZone: 'Asia/Shanghai',
    });
    await invoke(changePasswordHandler, {
      method: 'PUT',
      path: '/v1/account/password',
      headers: bearer(token),
      body: { currentPassword: PASSWORD, newPassword: 'New-Secret-77' },
    });
    const [notice] = await listRecordedMessages(email, 1);
    expect(notice!.body).toContain('密码');
    expect(notice!.body).toMatch(/\+08:00|CST|GMT\+8/);
  });

  it('R-PR-02 currency from the supported list, with a change history', async () => {
    const { token, accountId } = await signUp();
    expect((await prefs(token, { currency: 'XYZ' })).status).toBe(400);
    expect((await prefs(token, { currency: 'EUR' })).status).toBe(200);
    expect((await prefs(token, { currency: 'USD' })).status).toBe(200);
    expect((await currencyHistory(accountId)).map((c) => c.currency)).toEqual(['EUR', 'USD']);
  });
});
