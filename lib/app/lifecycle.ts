/**
 * The composition root registers each area's lifecycle hook (issue 10): disabling and purging ask them
 * what to release and remove. Recipients, sessions, history, standing and checks need no hook: they are
 * items of the account's partition (the purge deletes them) or end with the session epoch.
 */
import { accountsLifecycle } from '../accounts/lifecycle.js';
import { closureLifecycle } from '../closure/lifecycle.js';
import { registerLifecycle } from '../core/lifecycle.js';
import { enterpriseLifecycle } from '../enterprise/lifecycle.js';
import { materialsLifecycle } from '../materials/lifecycle.js';
import { realnameLifecycle } from '../realname/lifecycle.js';

for (const hook of [accountsLifecycle, closureLifecycle, materialsLifecycle, enterpriseLifecycle, realnameLifecycle])
  registerLifecycle(hook);
