/** Every HTTP route of the product, for the OpenAPI document and the route/serverless.yml parity test. */
import { localGetClockRoute, localAdvanceClockRoute, localListMessagesRoute, localRunSchedulerRoute, localUploadRoute } from '../local/routes.js';
import { completeMaterialRoute, declareMaterialRoute } from '../materials/routes.js';
import { getOpenApiRoute } from '../meta/routes.js';
import {
  changeAccountTypeRoute,
  changeContactRoute,
  changeIndustryRoute,
  changeLoginIdRoute,
  changeNamesRoute,
  changeTaxInfoRoute,
  changeTenantNameRoute,
  changePasswordRoute,
  changeCountryRegionRoute,
  enableServicesRoute,
  getAccountRoute,
  recordPaymentMethodRoute,
  changeServiceEmailRoute,
  changeServiceMobileRoute,
  signUpRoute,
} from '../accounts/routes.js';
import { setSecurityPhoneRoute } from '../accounts/security-phone-route.js';
import { sendLoginCodeRoute, loginRoute, verifyLoginCodeRoute, logoutRoute, resetPasswordRoute } from '../sessions/routes.js';
import { sendVerificationCodeRoute } from '../verification/routes.js';
import { deleteHuaweiIdRoute } from '../huawei-id/routes.js';
import { queryAuditTracesRoute } from '../audit/routes.js';
import {
  closeServicesRoute,
  runClosureCheckRoute,
  holdClosureRoute,
  getClosureRoute,
  disableServicesRoute,
  getLatestClosureCheckRoute,
  liftClosureHoldRoute,
  restoreServicesRoute,
  putStandingRoute,
} from '../closure/routes.js';
import { changePreferencesRoute } from '../preferences/routes.js';
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
  sendVerificationCodeRoute,
  signUpRoute,
  enableServicesRoute,
  changeCountryRegionRoute,
  getAccountRoute,
  setSecurityPhoneRoute,
  changePasswordRoute,
  resetPasswordRoute,
  loginRoute,
  sendLoginCodeRoute,
  verifyLoginCodeRoute,
  logoutRoute,
  deleteHuaweiIdRoute,
  changeServiceMobileRoute,
  changeServiceEmailRoute,
  recordPaymentMethodRoute,
  // account information, preferences, recipients, audit
  changeTenantNameRoute,
  changeLoginIdRoute,
  changeAccountTypeRoute,
  changeNamesRoute,
  changeTaxInfoRoute,
  changeContactRoute,
  changeIndustryRoute,
  changePreferencesRoute,
  listRecipientsRoute,
  addRecipientRoute,
  editRecipientRoute,
  deleteRecipientRoute,
  queryAuditTracesRoute,
  // closure
  runClosureCheckRoute,
  getLatestClosureCheckRoute,
  closeServicesRoute,
  getClosureRoute,
  restoreServicesRoute,
  disableServicesRoute,
  putStandingRoute,
  holdClosureRoute,
  liftClosureHoldRoute,
  // materials
  declareMaterialRoute,
  completeMaterialRoute,
];
