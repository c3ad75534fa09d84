// HTTP routes of the agency module under /api/v1/agency (jobs there, not /api/v1/jobs: that path is the
// background-jobs API).
#pragma once

#include "agency/module.h"
#include "server/router.h"

namespace concord::agency {

void InstallRoutes(http::Router& router, Module& module);
// The component schemas its routes reference (merged into the OpenAPI document).
nlohmann::json OpenApiSchemas();
nlohmann::json AccountOpenApiSchemas();  // the account side's (openapi_accounts.cpp), inside OpenApiSchemas()
nlohmann::json BillingSchemas();  // expenses, payments, deliveries
nlohmann::json AccountReportSchemas();  // account status reports and their schedule

}  // namespace concord::agency
