/**
 * Writes the access-pattern table of docs/data-model.md from lib/core/store/patterns.ts
 * (`npx tsx scripts/sync-data-model.ts`; test/unit/docs/data-model.test.ts fails while the doc is stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AccessPattern, indexes, patterns } from '../lib/core/store/patterns.js';

/** One row of the docs table: what the pattern answers, its key condition with placeholders, its index. */
export function describePattern(p: AccessPattern): { doc: string; condition: string; index: AccessPattern['index'] } {
  const ix = indexes[p.index];
  let condition: string;
  if (p.get) {
    const k = p.get(...p.shown);
    condition = `${ix.pk} = ${k.pk}, ${ix.sk} = ${k.sk}`;
  } else if (p.query) {
    const c = p.query(...p.shown);
    condition = `${ix.pk} = ${c.pk}`;
    if (c.sk && 'beginsWith' in c.sk) condition += `, ${ix.sk} begins ${c.sk.beginsWith}`;
    if (c.sk && 'atMost' in c.sk) condition += `, ${ix.sk} <= ${c.sk.atMost}`;
    if (c.sk && 'between' in c.sk) condition += `, ${ix.sk} between ${c.sk.between[0]} and ${c.sk.between[1]}`;
  } else throw new Error(`access pattern "${p.doc}" has neither get nor query`);
  return { doc: p.doc, condition, index: p.index };
}

/** The markdown table of docs/data-model.md (between its access-patterns markers). */
export function accessPatternsTable(): string {
  const rows = Object.values(patterns).map((p) => describePattern(p));
  const lines = ['| access pattern | key condition | index |', '|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.doc} | ${r.condition.replaceAll('|', '\\|')} | ${r.index} |`);
  return lines.join('\n');
}

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
