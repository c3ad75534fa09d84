#include "workforce/routes_support.h"

#include <algorithm>

namespace concord::workforce {

using auth::Permission;
using http::Context;
using http::Response;

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

Response RecordResponse(const json& record, int status) {
  return api::WithETag(Response::Json(record, status), record["version"].get<int64_t>());
}

Result<ListRequest> ListRequestFrom(const http::Request& request, const ListRoute& route) {
  ListRequest out;
  out.q = request.Query("q");
  std::vector<std::string> sorts = route.map->sorts;
  sorts.push_back("id");
  const auto sort = TRY(api::ParseSort(request, sorts, {route.map->default_sort, false}));
  out.sort = sort.column;
  out.descending = sort.descending;
  for (const auto& name : route.filters) {
    const auto value = request.Query(name);
    if (!value || value->empty()) continue;
    const Column* column = route.map->Find(name);
    if (column && (column->kind == ColumnKind::kInt || column->kind == ColumnKind::kBool)) {
      const bool number = std::all_of(value->begin(), value->end(), ::isdigit) && value->size() < 18;
      const bool boolean = *value == "true" || *value == "false";
      if (!number && !(column->kind == ColumnKind::kBool && boolean)) {
        return Error::BadRequest("request.bad_filter", name + " must be " +
                                                           (column->kind == ColumnKind::kBool ? "true or false." : "an id."));
      }
      out.equals.push_back({name, boolean ? (*value == "true" ? "1" : "0") : *value});
    } else {
      out.equals.push_back({name, *value});
    }
  }
  const auto page = TRY(api::ParsePage(request));
  out.limit = page.limit;
  out.after_key = page.after_key;
  out.after_id = page.after_id;
  return out;
}

void InstallList(http::Router& router, WorkforceService& service, const ListRoute& route) {
  std::vector<std::string> params = {"q", "sort", "limit", "cursor"};
  params.insert(params.end(), route.filters.begin(), route.filters.end());
  router.Add(
      "GET", route.path,
      [&service, route](Context& ctx) {
        return api::Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const ListRequest request = TRY(ListRequestFrom(ctx.request, route));
          const RecordPage page = TRY(service.List(caller, *route.map, request));
          json next;
          if (static_cast<int>(page.items.size()) == request.limit) {
            next = api::MakeCursor(page.sort_keys.back(), page.items.back()["id"].get<int64_t>());
          }
          return Response::Json({{"items", page.items}, {"next_cursor", next}, {"total", page.total}});
        });
      },
      {"List " + route.summary + " (search, filter, sort, cursor pages)", route.tag, true, nullptr,
       api::ListSchema(Ref(route.schema)), params});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", route.path + "/export." + format,
        [&service, route, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
            const ListRequest request = TRY(ListRequestFrom(ctx.request, route));
            const auto rows = TRY(service.All(caller, *route.map, request));
            const io::Table table = ToTable(route.summary, route.columns, rows);
            const std::string stem = route.path.substr(route.path.rfind('/') + 1);
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, stem + ".csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, stem + ".xlsx");
          });
        },
        {"Export the listed " + route.summary + " as " + format, route.tag, true, nullptr, nullptr, params});
  }
  // The same export as a background job with a progress bar, for lists too long to wait for.
  router.Add(
      "POST", "/api/v1/exports" + route.path.substr(std::string("/api/v1").size()),
      [&service, route](Context& ctx) {
        return api::Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const ListRequest request = TRY(ListRequestFrom(ctx.request, route));
          const std::string stem = route.path.substr(route.path.rfind('/') + 1);
          const json payload = ExportPayload(caller, *route.map, route.summary, route.columns, stem, request);
          return Response::Json(TRY(service.EnqueueExport(caller, payload, ctx.request.request_id)), 202);
        });
      },
      {"Export the listed " + route.summary + " as XLSX in the background (a job with progress)", route.tag, true,
       nullptr, Ref("Job"), params, 202});
}

}  // namespace concord::workforce
