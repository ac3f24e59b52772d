/**
 * Issue 10 (bundle budget): schemas are built with `zod/mini`, which ships no messages of its own (every default
 * message would read "Invalid input"). Classic zod's English messages are configured once here; the problem details
 * quote them. Imported by lib/core/config-env.ts (so by every function through config.ts) and by the request
 * validation middleware.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
