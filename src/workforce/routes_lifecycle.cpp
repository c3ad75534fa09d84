// /api/v1/assignments/{id}/conversion: a contractor's assignment continues as employment (conversion.h).
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
}

}  // namespace concord::workforce
