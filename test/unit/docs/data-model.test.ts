import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPatternsTable, docWithTable } from '../../../scripts/sync-data-model.js';

describe('docs/data-model.md (issue 10 item: the docs table is generated from lib/core/store/patterns.ts)', () => {
  it('lists exactly the access patterns declared in lib/core/store/patterns.ts (run `npx tsx scripts/sync-data-model.ts`)', () => {
    const doc = readFileSync('docs/data-model.md', 'utf8');
    const inDoc = doc.slice(doc.indexOf('<!-- access-patterns:start -->') + 31, doc.indexOf('<!-- access-patterns:end -->')).trim();
    expect(inDoc).toBe(accessPatternsTable());
  });

  it('the generator replaces only the text between the markers', () => {
    const doc = 'before\n<!-- access-patterns:start -->\nold\n<!-- access-patterns:end -->\nafter\n';
    expect(docWithTable(doc, '| t |')).toBe('before\n<!-- access-patterns:start -->\n| t |\n<!-- access-patterns:end -->\nafter\n');
  });
});
