/**
 * Writes the access-pattern table of docs/data-model.md from lib/core/store/patterns.ts
 * (`npx tsx scripts/sync-data-model.ts`; test/unit/docs/data-model.test.ts fails while the doc is stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accessPatternsTable } from '../lib/core/store/patterns.js';

const START = '<!-- access-patterns:start -->';
const END = '<!-- access-patterns:end -->';

/** The doc with the text between its markers replaced by `table`. */
export function docWithTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/data-model.md lacks the ${START} … ${END} markers`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = 'docs/data-model.md';
  writeFileSync(path, docWithTable(readFileSync(path, 'utf8'), accessPatternsTable()));
}
