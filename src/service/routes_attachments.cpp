// Case attachments over HTTP: a portal user (or an agent) uploads a file onto the case's timeline (raw
// body, one file per request), and anyone who may see the entry downloads it.
#include "api/api.h"
#include "service/routes.h"

namespace concord::service {

void InstallAttachmentRoutes(http::Router& router, ServiceDesk& desk) {
  using http::Context;
  using http::Response;
  router.Add(
      "POST", "/api/v1/cases/{id}/attachments",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, auth::Permission::kCasesOpen, [&](const auth::Principal& caller) -> Result<Response> {
          EntryInput in;
          // On the portal it is the requester's message; staff attach to an internal note.
          in.kind = caller.Internal() ? "note" : "message";
          in.uploads.push_back({0, ctx.request.Query("file_name").value_or(""),
                                ctx.request.Header("Content-Type").value_or("application/octet-stream"),
                                ctx.request.body, std::nullopt, std::nullopt});
          const Entry e = TRY(desk.AddEntry(caller, TRY(api::PathId(ctx)), in, ctx.request.request_id));
          return Response::Json(ToJson(e), 201);
        });
      },
      {"Attach a file to the case (raw body, at most 10 MB; file_name names it): a message on the portal, an "
       "internal note for staff",
       "service", true, {{"type", "string"}, {"contentMediaType", "application/octet-stream"}},
       {{"$ref", "#/components/schemas/CaseEntry"}}, {"file_name"}, 201});
  router.Add(
      "GET", "/api/v1/cases/{id}/attachments/{file_id}",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, auth::Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
          const jobs::File f = TRY(desk.AttachmentFile(caller, TRY(api::PathId(ctx)), TRY(api::PathId(ctx, "file_id"))));
          return Response::Download(f.content, f.content_type, f.name);
        });
      },
      {"Download a file attached to the case (portal users: from its public entries)", "service", true, nullptr,
       nullptr});
}

}  // namespace concord::service
