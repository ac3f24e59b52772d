/** The closure area's lifecycle hook (issue 10): disabling removes both closure timers (R-CL-08). */
import type { LifecycleHook } from '../core/lifecycle.js';
import { timerDelete } from './store.js';

export const closureLifecycle: LifecycleHook = {
  area: 'closure',
  onDisable: (account) => [timerDelete(account.accountId, 'closure-24h'), timerDelete(account.accountId, 'closure-90d')],
};
