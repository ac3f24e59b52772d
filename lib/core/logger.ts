/**
 * Structured JSON logs, one line per entry, in the shape Powertools Logger writes (level, message,
 * timestamp, service, xray_trace_id, persistent and appended keys), so CloudWatch queries and metric
 * filters written for it keep working.
 *
 * Why not `@aws-lambda-powertools/logger` itself: it costs 20.4 KB of every bundle (logger 16.3 KB +
 * commons 4.1 KB, measured with the bench's per-package breakdown), and with phone validation
 * (libphonenumber-js, issue 9 item 3) the largest functions crossed the 400 KB bundle budget. We use
 * five of its methods; this file is the whole replacement (see docs/DESIGN.md, "Measured").
 *
 * Never log request bodies, codes, tokens, passwords, emails or phone numbers: log IDs, route keys,
 * statuses and error names only.
 */
import { wallClockIso } from './clock.js';
import { config } from './config.js';

const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type Level = keyof typeof LEVELS;

const threshold = LEVELS[(config.logLevel.toUpperCase() as Level) in LEVELS ? (config.logLevel.toUpperCase() as Level) : 'INFO'];
const persistent: Record<string, unknown> = { stage: config.stage };
let appended: Record<string, unknown> = {};

function write(level: Level, message: string, extra?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold) return;
  // Fixed fields last, so a caller's keys can never overwrite level, message or time.
  const entry = {
    ...extra,
    ...appended,
    ...persistent,
    level,
    message,
    // Log lines carry the real time, not the local stage's test clock.
    timestamp: wallClockIso(),
    service: config.service,
    ...(process.env._X_AMZN_TRACE_ID ? { xray_trace_id: process.env._X_AMZN_TRACE_ID.split(';')[0]?.replace('Root=', '') } : {}),
  };
  let line: string;
  try {
    line = JSON.stringify(entry);
  } catch {
    // A circular structure or a BigInt must not turn a log call into a failure.
    line = JSON.stringify({
      level,
      message,
      timestamp: entry.timestamp,
      service: config.service,
      logError: 'unserialisable fields dropped',
    });
  }
  if (LEVELS[level] >= LEVELS.WARN) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (message: string, extra?: Record<string, unknown>) => write('DEBUG', message, extra),
  info: (message: string, extra?: Record<string, unknown>) => write('INFO', message, extra),
  warn: (message: string, extra?: Record<string, unknown>) => write('WARN', message, extra),
  error: (message: string, extra?: Record<string, unknown>) => write('ERROR', message, extra),
  /** Keys added to every entry until removed (the request ID and route of the current invocation). */
  appendKeys(keys: Record<string, unknown>): void {
    appended = { ...appended, ...keys };
  },
  removeKeys(names: string[]): void {
    appended = Object.fromEntries(Object.entries(appended).filter(([k]) => !names.includes(k)));
  },
};
