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

io::Table ToTable(const std::string& title, const std::vector<std::string>& columns, const std::vector<json>& rows) {
  io::Table table{title, columns, {}};
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& column : columns) {
      const auto it = row.find(column);
      if (it == row.end() || it->is_null()) cells.emplace_back();
      else if (it->is_string()) cells.push_back(it->get<std::string>());
      else if (it->is_boolean()) cells.push_back(it->get<bool>() ? "yes" : "no");
      else if (it->is_array() && std::all_of(it->begin(), it->end(), [](const json& e) { return e.is_string(); })) {
        std::string joined;
        for (const auto& e : *it) joined += (joined.empty() ? "" : "; ") + e.get<std::string>();
        cells.push_back(joined);
      } else cells.push_back(it->dump());
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
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
}

}  // namespace concord::workforce
