/**
 * Issue 9 item 18: the OpenAPI document passes `redocly lint` with the recommended rules and no error
 * (and no warning), for the deployed stages and for the local stage (which adds the /local routes).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../lib/core/http/openapi.js';
import { allRoutes } from '../../../lib/app/routes.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ac-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(file: string): Promise<{ errors: number; warnings: number; report: string }> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const args = ['lint', file, '--extends=recommended', '--format=json'];
  const out = await run('node_modules/.bin/redocly', args, { env, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }).catch(
    (e: { stdout?: string; stderr?: string }) => ({
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
  const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: unknown[];
  };
  return {
    errors: report.totals.errors,
    warnings: report.totals.warnings,
    report: JSON.stringify(report.problems, null, 1).slice(0, 4000),
  };
}

describe('issue 9 item 18: redocly lint (recommended rules) on the generated document', () => {
  it.each([
    ['deployed stages', false],
    ['local stage', true],
  ] as const)(
    '%s: zero errors and zero warnings',
    async (_label, includeLocal) => {
      const file = join(dir, `openapi-${includeLocal ? 'local' : 'deployed'}.json`);
      writeFileSync(file, JSON.stringify(buildOpenApi(allRoutes, includeLocal)));
      const result = await lint(file);
      expect(result.errors, result.report).toBe(0);
      expect(result.warnings, result.report).toBe(0);
    },
    150_000,
  );
});
