#include "workforce/routes_cases.h"

#include "api/api.h"
#include "workforce/routes_support.h"

namespace concord::workforce {
namespace {

using api::Guarded;
using api::PathId;
using auth::Permission;
using http::Context;
using http::Response;

struct LinkedKind {
  std::string path;         // "workers"
  std::string entity_type;  // "worker": the case link's entity_type
  const TableMap* map;
  std::string default_category;
};

// The case a coordinator opens from a record: linked to it, for the record's client, with the worker as
// the requester when the record is a worker. Portal users' cases are shaped by the desk itself.
Result<service::CaseInput> CaseInputFor(const LinkedKind& kind, int64_t id, const json& record,
                                        const http::Request& request) {
  const json body = TRY(api::JsonBody(request));
  api::Fields f(body);
  service::CaseInput in;
  in.subject = f.String("subject", 300);
  in.description = f.String("description", 100000);
  in.category = f.String("category");
  in.priority = f.String("priority");
  TRY(f.Finish("The case"));
  if (!in.category) in.category = kind.default_category;
  in.links = std::vector<service::LinkedRecord>{{kind.entity_type, id}};
  if (record.contains("client_id") && record["client_id"].is_number_integer()) in.client_id = record["client_id"];
  if (kind.entity_type == "worker") {
    in.requester_kind = "worker";
    in.requester_worker_id = id;
    in.requester_name = record.value("first_name", std::string()) + " " + record.value("last_name", std::string());
    if (record.contains("email") && record["email"].is_string()) in.requester_email = record["email"];
  } else {
    in.requester_kind = "internal";
  }
  return in;
}

}  // namespace

void InstallCaseRoutes(http::Router& router, WorkforceService& workforce, service::ServiceDesk& desk) {
  const json case_ref = {{"$ref", "#/components/schemas/Case"}};
  const json input = {{"type", "object"},
                      {"required", {"subject"}},
                      {"properties",
                       {{"subject", {{"type", "string"}}},
                        {"description", {{"type", "string"}}},
                        {"category", {{"type", "string"}}},
                        {"priority", {{"type", "string"}}}}}};
  for (const LinkedKind& kind : {LinkedKind{"workers", "worker", &WorkerTable(), "general"},
                                LinkedKind{"assignments", "assignment", &AssignmentTable(), "assignment"},
                                LinkedKind{"psrs", "psr", &PsrTable(), "assignment"}}) {
    const std::string path = "/api/v1/" + kind.path + "/{id}/cases";
    router.Add(
        "GET", path,
        [&workforce, &desk, kind](Context& ctx) {
          return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
            const int64_t id = TRY(PathId(ctx));
            TRY(workforce.Get(caller, *kind.map, id));  // 404 outside the caller's scope
            json items = json::array();
            for (const auto& c : TRY(desk.LinkedTo(caller, {kind.entity_type, id}))) items.push_back(service::ToJson(c));
            return Response::Json({{"items", items}});
          });
        },
        {"Service cases linked to this " + kind.entity_type + " (in the caller's scope)", "workforce", true, nullptr,
         api::ListSchema(case_ref)});
    router.Add(
        "POST", path,
        [&workforce, &desk, kind](Context& ctx) {
          return Guarded(ctx, Permission::kCasesOpen, [&](const auth::Principal& caller) -> Result<Response> {
            const int64_t id = TRY(PathId(ctx));
            const json record = TRY(workforce.Get(caller, *kind.map, id));
            const service::Case c =
                TRY(desk.Create(caller, TRY(CaseInputFor(kind, id, record, ctx.request)), ctx.request.request_id));
            Response response = api::WithETag(Response::Json(service::ToJson(c), 201), c.version);
            response.headers["Location"] = "/api/v1/cases/" + std::to_string(c.id);
            return response;
          });
        },
        {"Open a service case linked to this " + kind.entity_type, "workforce", true, input, case_ref, {}, 201});
  }
}

}  // namespace concord::workforce
