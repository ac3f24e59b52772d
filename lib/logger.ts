import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config.js';

/**
 * Structured JSON logs. Never log request bodies, codes, tokens, passwords, emails or phone numbers:
 * log IDs, route keys, statuses and error names only.
 */
export const logger = new Logger({
  serviceName: config.service,
  logLevel: config.logLevel as 'INFO',
  persistentKeys: { stage: config.stage },
});
