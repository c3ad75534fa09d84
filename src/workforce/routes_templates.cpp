// /api/v1/programmes/{id}/templates: a programme's message and letter templates (message_templates.h).
#include "workforce/routes_support.h"

namespace concord::workforce {

void InstallTemplateRoutes(http::Router& router, WorkforceService& service) {
  using api::Guarded;
  using api::PathId;
  using auth::Permission;
  using http::Context;
  using http::Response;
  const json object = {{"type", "object"}};
  const json input = {{"type", "object"},
                      {"properties",
                       {{"subject", {{"type", "string"}}},
                        {"body", {{"type", "string"}}},
                        {"version", {{"type", "integer"}, {"description", "the version read; 0 for the default"}}}}}};
  router.Add(
      "GET", "/api/v1/programmes/{id}/templates",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.ProgrammeTemplates(caller, TRY(PathId(ctx)))));
        });
      },
      {"The programme's message and letter templates (its own or the default), with their placeholders", "workforce",
       true, nullptr, object});
  router.Add(
      "PUT", "/api/v1/programmes/{id}/templates/{kind}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.SaveProgrammeTemplate(caller, TRY(PathId(ctx)), ctx.Param("kind"),
                                                                  TRY(api::JsonBody(ctx.request)),
                                                                  ctx.request.request_id)));
        });
      },
      {"Save the programme's own template (placeholders checked: errors name line:column; 412 when stale)",
       "workforce", true, input, object});
  router.Add(
      "DELETE", "/api/v1/programmes/{id}/templates/{kind}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.ResetProgrammeTemplate(caller, TRY(PathId(ctx)), ctx.Param("kind"),
                                                                   ctx.request.request_id)));
        });
      },
      {"Go back to the default template", "workforce", true, nullptr, object});
  router.Add(
      "POST", "/api/v1/programmes/{id}/templates/{kind}/preview",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.PreviewProgrammeTemplate(caller, TRY(PathId(ctx)), ctx.Param("kind"),
                                                                     TRY(api::JsonBody(ctx.request)))));
        });
      },
      {"Fill a template (saved or not) with example values", "workforce", true, input, object});
}

}  // namespace concord::workforce
