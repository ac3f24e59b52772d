import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/data-model.md', () => {
  it('lists exactly the access patterns declared in lib/core/store/keys.ts', () => {
    const src = readFileSync('lib/core/store/keys.ts', 'utf8');
    const start = src.indexOf(' * | access pattern');
    const table = src
      .slice(start, src.indexOf(' */', start))
      .split('\n')
      .map((l) => l.slice(3))
      .join('\n')
      .trim();
    const doc = readFileSync('docs/data-model.md', 'utf8');
    const inDoc = doc.slice(doc.indexOf('<!-- access-patterns:start -->') + 31, doc.indexOf('<!-- access-patterns:end -->')).trim();
    expect(inDoc).toBe(table);
  });
});
