/** Every HTTP route of the product, for the OpenAPI document and the route/serverless.yml parity test. */
import { localClockGetRoute, localClockPostRoute, localMessagesRoute, localSchedulerRunRoute } from '../local/routes.js';
import { getOpenApiRoute } from '../meta/routes.js';
import type { RouteSpec } from './route.js';

export const allRoutes: RouteSpec[] = [
  getOpenApiRoute,
  localMessagesRoute,
  localClockGetRoute,
  localClockPostRoute,
  localSchedulerRunRoute,
];
