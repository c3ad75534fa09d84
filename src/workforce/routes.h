// The workforce API (issue 4): /api/v1/programmes, /workers, /psrs, /assignments, /timecards, /expenses,
// /determinations, /documents and /api/v1/workforce/… (home, reports, tasks, the VMS audit).
#pragma once

#include <nlohmann/json.hpp>

#include "server/router.h"
#include "workforce/service.h"

namespace concord::workforce {

void InstallRoutes(http::Router& router, WorkforceService& service);

// OpenAPI component schemas of the workforce records (merged into the document's components).
nlohmann::json ComponentSchemas();
// A record's schema from its TableMap; a request body's from its InputSpec.
nlohmann::json RecordSchema(const TableMap& map);
nlohmann::json InputSchema(const InputSpec& spec);

}  // namespace concord::workforce
