// Helpers shared by the workforce route files: list routes (search, filters, sort, keyset pages, CSV and
// XLSX exports) for any TableMap, record JSON bodies, and rows → export tables.
#pragma once

#include <string>
#include <vector>

#include "api/api.h"
#include "io/table.h"
#include "workforce/export_job.h"
#include "workforce/service.h"

namespace concord::workforce {

struct ListRoute {
  std::string path;                  // "/api/v1/programmes"
  std::string tag;                   // OpenAPI tag
  const TableMap* map = nullptr;
  std::string schema;                // component name of an item, "Programme"
  std::vector<std::string> filters;  // query parameters filtering a column by equality
  std::vector<std::string> columns;  // export columns, in order
  std::string summary;               // "programmes"
};

// GET path (page), GET path/export.csv and GET path/export.xlsx, under kWorkforceRead.
void InstallList(http::Router& router, WorkforceService& service, const ListRoute& route);

// The list request a query string asks for (400 naming a bad sort or filter).
Result<ListRequest> ListRequestFrom(const http::Request& request, const ListRoute& route);


// A JSON response carrying the record's ETag.
http::Response RecordResponse(const json& record, int status = 200);

// /api/v1/programmes/{id}/templates… (routes_templates.cpp).
void InstallTemplateRoutes(http::Router& router, WorkforceService& service);

// /api/v1/assignments/{id}/conversion, deliverables… (routes_lifecycle.cpp).
void InstallLifecycleRoutes(http::Router& router, WorkforceService& service);

// {"$ref": "#/components/schemas/<name>"}
json Ref(const std::string& name);

}  // namespace concord::workforce
