/** Every HTTP route of the product, for the OpenAPI document and the route/serverless.yml parity test. */
import { localClockGetRoute, localClockPostRoute, localMessagesRoute, localSchedulerRunRoute } from '../local/routes.js';
import { getOpenApiRoute } from '../meta/routes.js';
import {
  changePasswordRoute,
  countryRegionRoute,
  enableRoute,
  getAccountRoute,
  paymentMethodRoute,
  securityPhoneRoute,
  serviceEmailRoute,
  serviceMobileRoute,
  signUpRoute,
} from '../accounts/routes.js';
import { loginCodeRoute, loginRoute, loginVerifyRoute, logoutRoute, passwordResetRoute } from '../sessions/routes.js';
import { sendCodeRoute } from '../verification/routes.js';
import type { RouteSpec } from './route.js';

export const allRoutes: RouteSpec[] = [
  getOpenApiRoute,
  localMessagesRoute,
  localClockGetRoute,
  localClockPostRoute,
  localSchedulerRunRoute,
  // identity
  sendCodeRoute,
  signUpRoute,
  enableRoute,
  countryRegionRoute,
  getAccountRoute,
  securityPhoneRoute,
  changePasswordRoute,
  passwordResetRoute,
  loginRoute,
  loginCodeRoute,
  loginVerifyRoute,
  logoutRoute,
  serviceMobileRoute,
  serviceEmailRoute,
  paymentMethodRoute,
];
