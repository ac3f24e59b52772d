/**
 * Issue 9 item 18: every e2e request goes through the one wrapper that checks the answer against the
 * served OpenAPI document (test/support/http.ts `send`/`call`); a raw `fetch` in an e2e file would skip it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = [...readdirSync('test/e2e').map((f) => join('test/e2e', f)), 'test/support/e2e.ts'].filter((f) => f.endsWith('.ts'));

describe('issue 9 item 18: one checked wrapper for every e2e request', () => {
  it.each(files)('%s calls the local stage only through send/call', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\bfetch\s*\(/);
  });
});
