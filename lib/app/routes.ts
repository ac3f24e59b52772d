/** Every HTTP route of the product, for the OpenAPI document and the route/serverless.yml parity test. */
import { localGetClockRoute, localAdvanceClockRoute, localListMessagesRoute, localRunSchedulerRoute, localUploadRoute } from '../local/routes.js';
import { completeMaterialRoute, declareMaterialRoute } from '../materials/routes.js';
import { getOpenApiRoute } from '../meta/routes.js';
import {
  accountTypeRoute,
  contactRoute,
  industryRoute,
  loginIdRoute,
  namesRoute,
  taxInfoRoute,
  tenantNameRoute,
  changePasswordRoute,
  countryRegionRoute,
  enableRoute,
  getAccountRoute,
  paymentMethodRoute,
  serviceEmailRoute,
  serviceMobileRoute,
  signUpRoute,
} from '../accounts/routes.js';
import { securityPhoneRoute } from '../accounts/security-phone-route.js';
import { loginCodeRoute, loginRoute, loginVerifyRoute, logoutRoute, passwordResetRoute } from '../sessions/routes.js';
import { sendCodeRoute } from '../verification/routes.js';
import { deleteHuaweiIdRoute } from '../huawei-id/routes.js';
import { auditTracesRoute } from '../audit/routes.js';
import {
  closeRoute,
  closureCheckRoute,
  closureHoldRoute,
  closureStatusRoute,
  disableRoute,
  latestCheckRoute,
  liftClosureHoldRoute,
  restoreRoute,
  standingRoute,
} from '../closure/routes.js';
import { preferencesRoute } from '../preferences/routes.js';
import { addRecipientRoute, deleteRecipientRoute, editRecipientRoute, listRecipientsRoute } from '../recipients/routes.js';
import type { RouteSpec } from '../core/http/route.js';

export const allRoutes: RouteSpec[] = [
  getOpenApiRoute,
  localListMessagesRoute,
  localGetClockRoute,
  localAdvanceClockRoute,
  localRunSchedulerRoute,
  localUploadRoute,
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
  deleteHuaweiIdRoute,
  serviceMobileRoute,
  serviceEmailRoute,
  paymentMethodRoute,
  // account information, preferences, recipients, audit
  tenantNameRoute,
  loginIdRoute,
  accountTypeRoute,
  namesRoute,
  taxInfoRoute,
  contactRoute,
  industryRoute,
  preferencesRoute,
  listRecipientsRoute,
  addRecipientRoute,
  editRecipientRoute,
  deleteRecipientRoute,
  auditTracesRoute,
  // closure
  closureCheckRoute,
  latestCheckRoute,
  closeRoute,
  closureStatusRoute,
  restoreRoute,
  disableRoute,
  standingRoute,
  closureHoldRoute,
  liftClosureHoldRoute,
  // materials
  declareMaterialRoute,
  completeMaterialRoute,
];
