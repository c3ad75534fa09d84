// Other channels onto the worker's timeline over HTTP: a chat export's files, one inbound e-mail, and an
// e-mail entry's attachments.
#include "api/api.h"
#include "workforce/routes_comms.h"
#include "workforce/routes_support.h"

namespace concord::workforce {

using api::Guarded;
using api::PathId;
using auth::Permission;
using http::Context;
using http::Response;

void InstallChannelRoutes(http::Router& router, TimelineImports& imports) {
  router.Add(
      "POST", "/api/v1/workforce/chat-imports",
      [&imports](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const json body = TRY(api::JsonBody(ctx.request));
          std::vector<ChatFile> files;
          const json list = body.is_object() ? body.value("files", json()) : json();
          if (!list.is_array() || list.empty()) {
            return Error::Invalid("request.invalid", "Send the export's files.",
                                  {{"files", "field.required", "Give files: [{name, content}]."}});
          }
          for (size_t i = 0; i < list.size(); ++i) {
            const json& f = list[i];
            if (!f.is_object() || !f.value("name", json()).is_string() || !f.value("content", json()).is_string()) {
              return Error::Invalid("request.invalid", "Each file is {name, content}.",
                                    {{"files[" + std::to_string(i) + "]", "field.type", "Must be {name, content}."}});
            }
            files.push_back({f["name"].get<std::string>(), f["content"].get<std::string>()});
          }
          const ChatImportReport r = TRY(imports.ImportChat(caller, ctx.request.Query("source").value_or(""), files,
                                                            ctx.request.request_id));
          return Response::Json({{"imported", r.imported}, {"already_imported", r.already_imported},
                                 {"unmatched", r.unmatched}, {"workers", r.workers}});
        });
      },
      {"Import a Slack or Google Chat export onto workers' timelines (senders matched to workers by e-mail; all or "
       "nothing; idempotent by message id; errors name file, line and field)",
       "workforce", true, Ref("ChatImport"), {{"type", "object"}}, {"source"}});
  router.Add(
      "POST", "/api/v1/workforce/inbound-mail",
      [&imports](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const MailToTimeline r = TRY(imports.IngestMail(caller, ctx.request.body, ctx.request.request_id));
          return Response::Json({{"matched", r.matched}, {"duplicate", r.duplicate},
                                 {"worker_id", r.matched ? json(r.worker_id) : json(nullptr)},
                                 {"entry_id", r.entry_id ? json(r.entry_id) : json(nullptr)}});
        });
      },
      {"Record one inbound e-mail (message/rfc822) on the timeline of the worker who wrote it, or whom their client's "
       "contact wrote to; matched false when no worker matches",
       "workforce", true, {{"type", "string"}, {"contentMediaType", "message/rfc822"}}, {{"type", "object"}}});
  router.Add(
      "GET", "/api/v1/workforce/timeline/{id}/attachments/{index}",
      [&imports](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string index = ctx.Param("index");
          if (index.empty() || index.size() > 3 || !std::all_of(index.begin(), index.end(), ::isdigit)) {
            return Error::NotFound("timeline_entry.attachment_not_found", "No such attachment.");
          }
          const jobs::File file = TRY(imports.Attachment(caller, TRY(PathId(ctx)), std::stoul(index)));
          return Response::Download(file.content, file.content_type, file.name);
        });
      },
      {"Download an attachment of a timeline entry (an inbound e-mail's)", "workforce", true, nullptr, nullptr});
}

}  // namespace concord::workforce
