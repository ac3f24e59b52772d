/**
 * Every HTTP route of the product, for the OpenAPI document, the default route and the route/serverless.yml
 * parity test. Each area's route-spec modules are listed once; every route they export is collected, so adding
 * an operation to an area touches its route spec, its use case and its handler (plus serverless.yml) — not
 * this file. A new area adds one line here.
 */
import * as accounts from '../accounts/routes.js';
import * as securityPhone from '../accounts/security-phone-route.js';
import * as signUpRoute from '../accounts/sign-up-route.js';
import * as audit from '../audit/routes.js';
import * as closure from '../closure/routes.js';
import type { RouteSpec } from '../core/http/route.js';
import * as huaweiId from '../huawei-id/routes.js';
import * as local from '../local/routes.js';
import * as localScheduler from '../local/scheduler-route.js';
import * as materials from '../materials/routes.js';
import * as meta from '../meta/routes.js';
import * as partners from '../partners/routes.js';
import * as partnerCustomers from '../partners/partner-customers-route.js';

import * as getDisassociationChecksRoutes from '../partners/get-disassociation-checks-route.js';
import * as getCustomerDisassociationChecksRoutes from '../partners/get-customer-disassociation-checks-route.js';
import * as requestDisassociationRoutes from '../partners/request-disassociation-route.js';
import * as requestCustomerDisassociationRoutes from '../partners/request-customer-disassociation-route.js';
import * as decideDisassociationAsPartnerRoutes from '../partners/decide-disassociation-as-partner-route.js';
import * as decideDisassociationAsCustomerRoutes from '../partners/decide-disassociation-as-customer-route.js';
import * as setPartnerSettingsRoutes from '../partners/set-partner-settings-route.js';
import * as disassociateByTicketRoutes from '../partners/disassociate-by-ticket-route.js';
import * as partnerMembershipRoutes from '../partners/membership-route.js';
import * as enterpriseCenterRoutes from '../enterprise/enterprise-center-route.js';
import * as enterpriseInvitationRoutes from '../enterprise/invitations-route.js';
import * as decideEnterpriseInvitationRoutes from '../enterprise/decide-invitation-route.js';
import * as memberDisassociationRoutes from '../enterprise/member-disassociation-route.js';
import * as decideMemberDisassociationRoutes from '../enterprise/decide-member-disassociation-route.js';
import * as createEnterpriseMemberRoutes from '../enterprise/create-member-route.js';

import * as enterpriseListRoutes from '../enterprise/enterprise-lists-route.js';
import * as masterAccountRoutes from '../enterprise/master-account-route.js';
import * as enterpriseMemberRoutes from '../enterprise/members-route.js';
import * as realNameApplicationRoutes from '../realname/applications-route.js';
import * as realNameRoutes from '../realname/real-name-route.js';
import * as realNameOpsRoutes from '../realname/ops-route.js';
import * as realNameReauthRoutes from '../realname/reauth-route.js';
import * as realNameDecisionRoutes from '../realname/decision-route.js';
import * as preferences from '../preferences/routes.js';
import * as recipients from '../recipients/routes.js';
import * as sessions from '../sessions/routes.js';
import * as verification from '../verification/routes.js';

/** The route-spec modules, by area, in the order the document lists them. */
export const routeModules: Record<string, Record<string, unknown>> = {
  meta,
  local,
  localScheduler,
  verification,
  signUpRoute,
  accounts,
  securityPhone,
  sessions,
  huaweiId,
  preferences,
  recipients,
  audit,
  closure,
  materials,
  partners,
  partnerCustomers,
  getDisassociationChecksRoutes,
  requestDisassociationRoutes,
  requestCustomerDisassociationRoutes,
  decideDisassociationAsPartnerRoutes,
  decideDisassociationAsCustomerRoutes,
  setPartnerSettingsRoutes,
  disassociateByTicketRoutes,
  getCustomerDisassociationChecksRoutes,

  partnerMembershipRoutes,

  enterpriseCenterRoutes,
  enterpriseInvitationRoutes,
  decideEnterpriseInvitationRoutes,
  memberDisassociationRoutes,
  decideMemberDisassociationRoutes,
  createEnterpriseMemberRoutes,

  masterAccountRoutes,
  enterpriseMemberRoutes,
  enterpriseListRoutes,

  realNameApplicationRoutes,
  realNameRoutes,
  realNameOpsRoutes,
  realNameReauthRoutes,
  realNameDecisionRoutes,
};

const isRoute = (value: unknown): value is RouteSpec =>
  typeof value === 'object' && value !== null && 'operationId' in value && 'method' in value && 'path' in value;

// Sorted by export name within a module: an ES module namespace lists its exports alphabetically, a transpiled
// one in declaration order, and the document must not depend on which loader ran.
export const allRoutes: RouteSpec[] = Object.values(routeModules).flatMap((module) =>
  Object.keys(module)
    .sort()
    .map((name) => module[name])
    .filter(isRoute),
);
