import { buildOpenApi } from '../core/http/openapi.js';
import { allRoutes } from './routes.js';

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApi(allRoutes) as unknown as Record<string, unknown>;
  return cached;
}
