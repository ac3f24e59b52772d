/** lib/core/logger.ts: the structured log line (issue 9: the Powertools Logger replaced for the bundle budget). */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function capture(run: (logger: typeof import('../../../lib/core/logger.js').logger) => void): Promise<string[]> {
  vi.stubEnv('LOG_LEVEL', 'INFO');
  vi.resetModules();
  const { logger } = await import('../../../lib/core/logger.js');
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  run(logger);
  return lines;
}

describe('structured logs', () => {
  it('writes one JSON line in the Powertools shape, with appended keys until removed', async () => {
    const lines = await capture((logger) => {
      logger.appendKeys({ requestId: 'r-1' });
      logger.info('request', { status: 200 });
      logger.removeKeys(['requestId']);
      logger.warn('later');
    });
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ level: 'INFO', message: 'request', service: 'account-center', requestId: 'r-1', status: 200 });
    expect(Date.parse(first.timestamp)).not.toBeNaN();
    expect(second).toMatchObject({ level: 'WARN', message: 'later' });
    expect(second).not.toHaveProperty('requestId');
  });

  it("a caller's fields cannot overwrite level, message or time, and an unserialisable field does not throw (issue 9 review)", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const lines = await capture((logger) => {
      logger.error('real', { level: 'DEBUG', message: 'forged', timestamp: 'yesterday' });
      logger.error('big', { n: 10n, circular });
    });
    const [forged, big] = lines.map((l) => JSON.parse(l));
    expect(forged).toMatchObject({ level: 'ERROR', message: 'real' });
    expect(forged.timestamp).not.toBe('yesterday');
    expect(big).toMatchObject({ level: 'ERROR', message: 'big', logError: 'unserialisable fields dropped' });
  });

  it('below the configured level nothing is written', async () => {
    const lines = await capture((logger) => logger.debug('quiet'));
    expect(lines).toEqual([]);
  });
});
