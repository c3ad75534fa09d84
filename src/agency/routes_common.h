// What the agency's route files share: the handler wrapper, list routes with their CSV/XLSX exports, and
// readers for the typed values in bodies and query strings (dates, decimals, money) that name the field
// at fault.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "agency/account_reports.h"
#include "agency/exports.h"
#include "agency/expenses.h"
#include "agency/meetings.h"
#include "api/api.h"
#include "io/table.h"
#include "server/router.h"

namespace concord::agency::routes {

using http::Context;
using http::Response;

inline const std::string kBase = "/api/v1/agency";

inline nlohmann::json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

// A handler that runs `body(ctx, caller)` when the caller holds `permission`.
template <class F>
http::Handler Handle(auth::Permission permission, F body) {
  return [permission, body](Context& ctx) {
    return api::Guarded(ctx, permission, [&](const auth::Principal& caller) { return body(ctx, caller); });
  };
}

// Reads q, the named filters, sort and cursor from the query string.
Result<ListQuery> ListQueryFrom(const http::Request& request, const std::vector<std::string>& filters,
                                const std::vector<std::string>& sorts);

// A list with search, filters, sort and keyset pages, and its exports (every matching row, as CSV or XLSX).
template <class Record>
struct ListRoute {
  std::string path;      // e.g. kBase + "/jobs"
  std::string summary;   // "Jobs"
  std::string schema;    // component name of one item
  std::vector<std::string> filters;
  std::vector<std::string> sorts;  // the first is the default
  std::function<Result<std::pair<std::vector<Record>, KeyedRows>>(const auth::Principal&, const ListQuery&)> fetch;
  std::function<nlohmann::json(const Record&)> to_json;
  std::function<int64_t(const Record&)> id_of;
  std::vector<std::string> columns;
  std::function<std::vector<std::string>(const Record&)> row;
  // When set, the list also exports in the background: POST <path>/export-jobs (a job with progress).
  ExportCatalog* background = nullptr;
};

// Every row `query` matches, page by page, as a table; reports rows done of the total.
template <class Record>
Result<io::Table> ExportRows(const ListRoute<Record>& spec, const auth::Principal& caller, ListQuery query,
                             jobs::Progress* progress) {
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  io::Table table{spec.summary, spec.columns, {}};
  for (;;) {
    const auto [items, keyed] = TRY(spec.fetch(caller, query));
    for (const auto& item : items) table.rows.push_back(spec.row(item));
    if (progress) {
      progress->Update(static_cast<int64_t>(table.rows.size()), keyed.total,
                       "Exported " + std::to_string(table.rows.size()) + " of " + std::to_string(keyed.total));
    }
    if (static_cast<int>(items.size()) < query.limit) break;
    query.after_key = keyed.sort_keys.back();
    query.after_id = spec.id_of(items.back());
  }
  return table;
}

// POST <path>/export-jobs?format=csv|xlsx&<the list's query>: enqueues the export as a job (202).
void AddExportJobRoute(http::Router& router, const std::string& path, const std::string& summary,
                       const std::vector<std::string>& filters, const std::vector<std::string>& sorts,
                       const std::vector<std::string>& params, ExportCatalog& catalog);

template <class Record>
void AddList(http::Router& router, ListRoute<Record> spec) {
  std::vector<std::string> params = {"q", "sort", "limit", "cursor"};
  params.insert(params.end(), spec.filters.begin(), spec.filters.end());
  router.Add("GET", spec.path, Handle(auth::Permission::kAgencyRead, [spec](Context& ctx, const auth::Principal& caller)
                                          -> Result<Response> {
               const ListQuery query = TRY(ListQueryFrom(ctx.request, spec.filters, spec.sorts));
               const auto [items, keyed] = TRY(spec.fetch(caller, query));
               nlohmann::json out = nlohmann::json::array();
               for (const auto& item : items) out.push_back(spec.to_json(item));
               nlohmann::json next;
               if (static_cast<int>(items.size()) == query.limit) {
                 next = api::MakeCursor(keyed.sort_keys.back(), spec.id_of(items.back()));
               }
               return Response::Json({{"items", out}, {"next_cursor", next}, {"total", keyed.total}});
             }),
             {spec.summary + " (search q, filters, sort, cursor pages)", "agency", true, nullptr,
              api::ListSchema(Ref(spec.schema)), params});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add("GET", spec.path + "/export." + format,
               Handle(auth::Permission::kAgencyRead, [spec, format](Context& ctx, const auth::Principal& caller)
                                                         -> Result<Response> {
                 const ListQuery query = TRY(ListQueryFrom(ctx.request, spec.filters, spec.sorts));
                 const io::Table table = TRY(ExportRows(spec, caller, query, nullptr));
                 const std::string name = spec.path.substr(spec.path.rfind('/') + 1) + "." + format;
                 if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, name);
                 return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, name);
               }),
               {"Export the listed " + spec.summary + " as " + format, "agency", true, nullptr, nullptr, params});
  }
  if (spec.background) {
    const std::string list = spec.path.substr(spec.path.rfind('/') + 1);
    spec.background->lists[list] = [spec](const auth::Principal& caller, ListQuery query, jobs::Progress* progress) {
      return ExportRows(spec, caller, std::move(query), progress);
    };
    AddExportJobRoute(router, spec.path, spec.summary, spec.filters, spec.sorts, params, *spec.background);
  }
}

// Typed readers. Each adds a field error to `fields` (and returns nullopt) when the value is malformed.
std::optional<Date> DateField(api::Fields& fields, const std::string& name);
std::optional<Decimal> DecimalField(api::Fields& fields, const std::string& name);
std::optional<Money> MoneyField(api::Fields& fields, const std::string& name, const std::string& currency);
using api::QueryDate;

// Route groups, one file each.
void InstallAccountRoutes(http::Router& router, AgencyService& service);
void InstallAccountFileRoutes(http::Router& router, AgencyService& service);
void InstallJobRoutes(http::Router& router, AgencyService& service);
void InstallEstimateRoutes(http::Router& router, AgencyService& service);
void InstallTimeRoutes(http::Router& router, AgencyService& service);
void InstallInvoiceRoutes(http::Router& router, AgencyService& service);
void InstallReportRoutes(http::Router& router, AgencyService& service);
void InstallMeetingRoutes(http::Router& router, MeetingService& meetings);
void InstallExpenseRoutes(http::Router& router, ExpenseService& expenses);  // routes_expenses.cpp
void InstallAccountReportRoutes(http::Router& router, AccountReportService& reports);

}  // namespace concord::agency::routes
