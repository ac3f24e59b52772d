/** The materials area's lifecycle hook (issue 10): purging a disabled account removes the files its materials point at (R-CL-11). */
import type { LifecycleHook } from '../core/lifecycle.js';
import { materialStorage } from './storage.js';

export const materialsLifecycle: LifecycleHook = {
  area: 'materials',
  purgeAttributes: ['objectKey', 'finalKey'],
  async onPurge(_accountId, items) {
    const files = items.flatMap((i) => [i.objectKey, i.finalKey]).filter((f): f is string => typeof f === 'string' && f !== '');
    for (const file of files) await materialStorage().remove(file);
  },
};
