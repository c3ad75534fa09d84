#include "reconciliation/routes.h"

#include <charconv>

#include "api/api.h"

namespace concord::reconciliation {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

const std::string kBase = "/api/v1/reconciliation";
const char* kTag = "reconciliation";

using api::Guarded;
using api::PathId;
using api::QueryChoice;
using api::QueryId;
using api::WithETag;

const std::vector<std::string> kRunParams = {"spec_id", "state", "q", "sort", "limit", "cursor"};

Result<RunQuery> RunQueryFrom(const http::Request& request) {
  RunQuery q;
  q.spec_id = TRY(QueryId(request, "spec_id"));
  q.state = TRY(QueryChoice(request, "state", kRunStates));
  q.q = request.Query("q");
  const auto sort = TRY(api::ParseSort(request, {"id", "spec_name", "state", "created_at"}, {"id", true}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

Result<ItemQuery> ItemQueryFrom(const Context& ctx) {
  const http::Request& request = ctx.request;
  ItemQuery q;
  q.run_id = TRY(QueryId(request, "run_id"));
  q.spec_id = TRY(QueryId(request, "spec_id"));
  q.status = TRY(QueryChoice(request, "status", kItemStatuses));
  q.kind = TRY(QueryChoice(request, "kind", kItemKinds));
  if (auto assignee = request.Query("assignee"); assignee && !assignee->empty()) {
    if (*assignee == "none") {
      q.assignee_id = 0;
    } else if (*assignee == "me") {
      q.assignee_id = api::Caller(ctx).user_id;
    } else {
      q.assignee_id = TRY(QueryId(request, "assignee"));
    }
  }
  q.q = request.Query("q");
  const auto sort = TRY(api::ParseSort(request, {"id", "key", "kind", "status", "updated_at"}, {"id", false}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

template <class T>
Response ListResponse(const Page<T>& page, int limit, bool cursor_by_id_only) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(ToJson(item));
  nlohmann::json next;
  if (static_cast<int>(page.items.size()) == limit) {
    next = api::MakeCursor(cursor_by_id_only ? "" : page.sort_keys.back(), page.items.back().id);
  }
  return Response::Json({{"items", items}, {"next_cursor", next}, {"total", page.total}});
}

nlohmann::json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

nlohmann::json Object(const nlohmann::json& properties, std::vector<std::string> required = {}) {
  nlohmann::json schema = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

const std::vector<std::string> kItemParams = {"run_id", "spec_id", "status", "kind", "assignee",
                                              "q",      "sort",    "limit",  "cursor"};

Result<SpecInput> SpecInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  SpecInput in{f.String("name"), f.String("toml", 200000), f.Int("client_id")};
  TRY(f.Finish("The spec"));
  return in;
}

void InstallSpecRoutes(http::Router& router, ReconciliationService& service) {
  router.Add(
      "GET", kBase + "/specs",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          SpecQuery q;
          q.q = ctx.request.Query("q");
          const auto page = TRY(api::ParsePage(ctx.request));
          q.limit = page.limit;
          q.after_key = page.after_key;
          q.after_id = page.after_id;
          return ListResponse(TRY(service.ListSpecs(caller, q)), q.limit, false);
        });
      },
      {"List saved reconciliation specs (by name, cursor pages)", kTag, true, nullptr, api::ListSchema(Ref("ReconSpec")),
       {"q", "limit", "cursor"}});

  router.Add(
      "POST", kBase + "/specs",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const SpecInput input = TRY(SpecInputFrom(ctx.request));
          const SpecRecord spec = TRY(service.CreateSpec(caller, input, ctx.request.request_id));
          Response response = WithETag(Response::Json(ToJson(spec), 201), spec.version);
          response.headers["Location"] = kBase + "/specs/" + std::to_string(spec.id);
          return response;
        });
      },
      {"Save a spec (its TOML is checked by the engine; errors name the key)", kTag, true, Ref("ReconSpecInput"),
       Ref("ReconSpec"), {}, 201});

  router.Add(
      "GET", kBase + "/specs/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          const SpecRecord spec = TRY(service.GetSpec(caller, TRY(PathId(ctx, "id"))));
          return WithETag(Response::Json(ToJson(spec)), spec.version);
        });
      },
      {"One spec (ETag for If-Match)", kTag, true, nullptr, Ref("ReconSpec")});

  router.Add(
      "PATCH", kBase + "/specs/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx, "id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const SpecInput input = TRY(SpecInputFrom(ctx.request));
          const SpecRecord spec = TRY(service.UpdateSpec(caller, id, version, input, ctx.request.request_id));
          return WithETag(Response::Json(ToJson(spec)), spec.version);
        });
      },
      {"Change a spec's name or TOML (If-Match required; runs keep the TOML they ran with)", kTag, true,
       Ref("ReconSpecInput"), Ref("ReconSpec")});

  router.Add(
      "PUT", kBase + "/specs/{id}/schedule",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconSchedule, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx, "id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          ScheduleInput input{f.String("cron").value_or(""), f.String("left_path", 4096).value_or(""),
                              f.String("right_path", 4096).value_or("")};
          TRY(f.Finish("The schedule"));
          const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
          const SpecRecord spec = TRY(service.ScheduleSpec(caller, id, version, input, ctx.request.request_id, now));
          return WithETag(Response::Json(ToJson(spec)), spec.version);
        });
      },
      {"Run a spec on a cron schedule over files on the server (the weekly audit; If-Match required)", kTag, true,
       Object({{"cron", {{"type", "string"}, {"description", "five fields, UTC, e.g. \"0 6 * * 1\""}}},
               {"left_path", {{"type", "string"}}},
               {"right_path", {{"type", "string"}}}},
              {"cron", "left_path", "right_path"}),
       Ref("ReconSpec")});

  router.Add(
      "DELETE", kBase + "/specs/{id}/schedule",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconSchedule, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx, "id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const SpecRecord spec = TRY(service.UnscheduleSpec(caller, id, version, ctx.request.request_id));
          return WithETag(Response::Json(ToJson(spec)), spec.version);
        });
      },
      {"Stop a spec's schedule (If-Match required; the spec and its runs stay)", kTag, true, nullptr, Ref("ReconSpec")});
}

void InstallRunRoutes(http::Router& router, ReconciliationService& service) {
  router.Add(
      "POST", kBase + "/files",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string name = ctx.request.Query("name").value_or("input.csv");
          const auto client_id = TRY(QueryId(ctx.request, "client_id"));
          const UploadedFile file = TRY(service.Upload(caller, name, ctx.request.body, client_id,
                                                       ctx.request.request_id));
          return Response::Json({{"id", file.id}, {"name", file.name}, {"size", file.size}, {"sha256", file.sha256}},
                                201);
        });
      },
      {"Upload an input file for a run (body: the raw CSV or JSON Lines bytes)", kTag, true,
       {{"type", "string"}, {"contentMediaType", "text/csv"}}, Ref("ReconFile"), {"name", "client_id"}, 201});

  router.Add(
      "GET", kBase + "/sources",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal&) -> Result<Response> {
          nlohmann::json items = nlohmann::json::array();
          for (const auto& [name, description] : service.Sources()) {
            items.push_back({{"name", name}, {"description", description}});
          }
          return Response::Json({{"items", items}});
        });
      },
      {"concord's own records that can be a run's input", kTag, true, nullptr,
       api::ListSchema(Object({{"name", {{"type", "string"}}}, {"description", {{"type", "string"}}}}))});

  router.Add(
      "POST", kBase + "/sources/{name}/snapshot",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const UploadedFile file = TRY(service.SnapshotSource(caller, ctx.Param("name"), ctx.request.request_id));
          return Response::Json({{"id", file.id}, {"name", file.name}, {"size", file.size}, {"sha256", file.sha256}},
                                201);
        });
      },
      {"Snapshot a source's rows (scoped to you) into an input file for a run", kTag, true, nullptr, Ref("ReconFile"),
       {}, 201});

  router.Add(
      "GET", kBase + "/runs",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          const RunQuery q = TRY(RunQueryFrom(ctx.request));
          return ListResponse(TRY(service.ListRuns(caller, q)), q.limit, q.sort == "id");
        });
      },
      {"List runs (newest first unless sorted; search by spec or file name)", kTag, true, nullptr,
       api::ListSchema(Ref("ReconRun")), kRunParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", kBase + "/runs/export." + format,
        [&service, format](Context& ctx) {
          return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
            const io::Table table = TRY(service.RunsExportTable(caller.ClientScope(), TRY(RunQueryFrom(ctx.request))));
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, "reconciliation-runs.csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, "reconciliation-runs.xlsx");
          });
        },
        {"Export the listed runs as " + format, kTag, true, nullptr, nullptr, kRunParams});
  }

  router.Add(
      "POST", kBase + "/runs",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          const auto spec_id = f.Int("spec_id");
          const auto left = f.Int("left_file_id");
          const auto right = f.Int("right_file_id");
          for (const auto& [name, value] : {std::pair{"spec_id", spec_id}, std::pair{"left_file_id", left},
                                            std::pair{"right_file_id", right}}) {
            const nlohmann::json* raw = f.Raw(name);
            if (!value && (!raw || raw->is_null())) f.Fail(name, "field.required", "Required.");
          }
          TRY(f.Finish("The run"));
          const Run run = TRY(service.StartRun(caller, *spec_id, *left, *right, ctx.request.request_id));
          Response response = Response::Json(ToJson(run), 202);
          response.headers["Location"] = kBase + "/runs/" + std::to_string(run.id);
          return response;
        });
      },
      {"Start a run of a saved spec on two uploaded files (a job with progress: poll /api/v1/jobs/{job_id})", kTag,
       true,
       Object({{"spec_id", {{"type", "integer"}}},
               {"left_file_id", {{"type", "integer"}}},
               {"right_file_id", {{"type", "integer"}}}},
              {"spec_id", "left_file_id", "right_file_id"}),
       Ref("ReconRun"), {}, 202});

  router.Add(
      "GET", kBase + "/runs/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(ToJson(TRY(service.GetRun(caller, TRY(PathId(ctx, "id"))))));
        });
      },
      {"One run: state, inputs' checksums, counts", kTag, true, nullptr, Ref("ReconRun")});

  router.Add(
      "GET", kBase + "/runs/{id}/items",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          const Run run = TRY(service.GetRun(caller, TRY(PathId(ctx, "id"))));
          ItemQuery q = TRY(ItemQueryFrom(ctx));
          q.run_id = run.id;
          return ListResponse(TRY(service.ListItems(caller, q)), q.limit, q.sort == "id");
        });
      },
      {"The items a run reported (filters as for /items)", kTag, true, nullptr, api::ListSchema(Ref("ReconItem")),
       kItemParams});
}

// POST items/{id}/<action>: If-Match, a JSON body, the changed item with its new ETag.
template <class F>
void AddItemAction(http::Router& router, const std::string& action, const std::string& summary,
                   const nlohmann::json& body_schema, F change) {
  router.Add(
      "POST", kBase + "/items/{id}/" + action,
      [change](Context& ctx) {
        return Guarded(ctx, Permission::kReconWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx, "id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          // Reopening says nothing more than its path: a body is optional there.
          const nlohmann::json body =
              ctx.request.body.empty() ? nlohmann::json::object() : TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          const Item item = TRY(change(caller, id, version, f, ctx.request.request_id));
          return WithETag(Response::Json(ToJson(item)), item.version);
        });
      },
      {summary, kTag, true, body_schema, Ref("ReconItem")});
}

void InstallItemRoutes(http::Router& router, ReconciliationService& service) {
  router.Add(
      "GET", kBase + "/items",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          const ItemQuery q = TRY(ItemQueryFrom(ctx));
          return ListResponse(TRY(service.ListItems(caller, q)), q.limit, q.sort == "id");
        });
      },
      {"List exception items (filter by run, spec, status, kind, assignee; q in the key; cursor pages)", kTag, true,
       nullptr, api::ListSchema(Ref("ReconItem")), kItemParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", kBase + "/items/export." + format,
        [&service, format](Context& ctx) {
          return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
            const ItemQuery q = TRY(ItemQueryFrom(ctx));
            const io::Table table = TRY(service.ExportTable(caller.ClientScope(), q));
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, "exceptions.csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, "exceptions.xlsx");
          });
        },
        {"Export the listed items as " + format, kTag, true, nullptr, nullptr, kItemParams});
  }

  router.Add(
      "GET", kBase + "/items/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconRead, [&](const auth::Principal& caller) -> Result<Response> {
          const Item item = TRY(service.GetItem(caller, TRY(PathId(ctx, "id"))));
          return WithETag(Response::Json(ToJson(item)), item.version);
        });
      },
      {"One item with its differences (ETag for If-Match)", kTag, true, nullptr, Ref("ReconItem")});

  AddItemAction(router, "assign", "Assign an item to a staff user, or unassign with null (If-Match required)",
                Object({{"assignee_id", {{"type", {"integer", "null"}}}}}),
                [&service](const auth::Principal& caller, int64_t id, int64_t version, api::Fields& f,
                           const std::string& request_id) -> Result<Item> {
                  const auto assignee = f.Int("assignee_id");
                  TRY(f.Finish("The assignment"));
                  return service.Assign(caller, id, version, assignee, request_id);
                });
  AddItemAction(router, "resolve", "Resolve an item: a note and what was corrected where (If-Match required)",
                Object({{"note", {{"type", "string"}}}, {"correction", {{"type", "string"}}}}, {"note", "correction"}),
                [&service](const auth::Principal& caller, int64_t id, int64_t version, api::Fields& f,
                           const std::string& request_id) -> Result<Item> {
                  const auto note = f.String("note").value_or("");
                  const auto correction = f.String("correction").value_or("");
                  TRY(f.Finish("The resolution"));
                  return service.Resolve(caller, id, version, note, correction, request_id);
                });
  AddItemAction(router, "accept", "Accept an item as a known difference, with a note (If-Match required)",
                Object({{"note", {{"type", "string"}}}}, {"note"}),
                [&service](const auth::Principal& caller, int64_t id, int64_t version, api::Fields& f,
                           const std::string& request_id) -> Result<Item> {
                  const auto note = f.String("note").value_or("");
                  TRY(f.Finish("The acceptance"));
                  return service.Accept(caller, id, version, note, request_id);
                });
  AddItemAction(router, "reopen", "Reopen an item accepted as a known difference (If-Match required)", nullptr,
                [&service](const auth::Principal& caller, int64_t id, int64_t version, api::Fields&,
                           const std::string& request_id) -> Result<Item> {
                  return service.Reopen(caller, id, version, request_id);
                });
}

}  // namespace

void InstallRoutes(http::Router& router, ReconciliationService& service) {
  InstallSpecRoutes(router, service);
  InstallRunRoutes(router, service);
  InstallItemRoutes(router, service);
}

}  // namespace concord::reconciliation
