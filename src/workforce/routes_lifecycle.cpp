// /api/v1/assignments/{id}/conversion: a contractor's assignment continues as employment (conversion.h);
// /api/v1/deliverables: SOW deliverables and milestones of a contractor's engagement (deliverable.h).
#include "workforce/deliverable_records.h"
#include "workforce/routes_support.h"

namespace concord::workforce {

void InstallLifecycleRoutes(http::Router& router, WorkforceService& service) {
  using api::Guarded;
  using api::PathId;
  using auth::Permission;
  using http::Context;
  using http::Response;
  const json conversion = {
      {"type", "object"},
      {"required", {"effective_date", "reason"}},
      {"properties",
       {{"effective_date", {{"type", "string"}, {"format", "date"}, {"description", "the first day as an employee"}}},
        {"reason", {{"type", "string"}, {"enum", {"high_risk_determination", "coordinator_decision"}}}},
        {"note", {{"type", "string"}, {"description", "why; required for a coordinator's decision"}}}}}};
  router.Add(
      "POST", "/api/v1/assignments/{id}/conversion",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(TRY(service.ConvertToEmployee(caller, id, version, TRY(api::JsonBody(ctx.request)),
                                                              ctx.request.request_id)));
        });
      },
      {"Convert a contractor's ready or active assignment to W-2 employment from an effective date (If-Match; "
       "409 names what blocks it)",
       "workforce", true, conversion, Ref("Assignment")});

  InstallList(router, service,
              {"/api/v1/deliverables", "workforce", &DeliverableTable(), "Deliverable",
               {"client_id", "assignment_id", "worker_id", "status"},
               {"id", "due_date", "title", "worker_name", "client_name", "assignment_title", "amount", "currency",
                "status", "submitted_at", "decided_by", "reject_reason"},
               "SOW deliverables"});
  router.Add(
      "GET", "/api/v1/deliverables/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(service.Get(caller, DeliverableTable(), TRY(PathId(ctx)))));
        });
      },
      {"One SOW deliverable", "workforce", true, nullptr, Ref("Deliverable")});
  router.Add(
      "POST", "/api/v1/deliverables",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(
              TRY(service.CreateDeliverable(caller, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)), 201);
        });
      },
      {"Add a deliverable (due date; amount when milestone-billed) to a contractor's assignment", "workforce", true,
       Ref("DeliverableInput"), Ref("Deliverable"), {}, 201});
  const json decision = {{"type", "object"}, {"properties", {{"reason", {{"type", "string"}}}}}};
  for (const std::string action : {"submit", "accept", "reject"}) {
    router.Add(
        "POST", "/api/v1/deliverables/{id}/" + action,
        [&service, action](Context& ctx) {
          // The contractor (or the coordinator) submits; the client's user (or internal) accepts or rejects.
          const Permission permission = action == "submit" ? Permission::kTimeEnter : Permission::kTimeApprove;
          return Guarded(ctx, permission, [&](const auth::Principal& caller) -> Result<Response> {
            const int64_t id = TRY(PathId(ctx));
            const int64_t version = TRY(api::IfMatchVersion(ctx.request));
            const json body = ctx.request.body.empty() ? json::object() : TRY(api::JsonBody(ctx.request));
            return RecordResponse(TRY(service.DecideDeliverable(caller, id, version, action, body.value("reason", ""),
                                                                ctx.request.request_id)));
          });
        },
        {"Deliverable: " + action + (action == "reject" ? " with a reason" : "") + " (If-Match)", "workforce", true,
         decision, Ref("Deliverable")});
  }
}

}  // namespace concord::workforce
