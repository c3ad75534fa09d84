#include "api/api.h"
#include "service/routes.h"

namespace concord::service {
namespace {

using auth::Permission;
using http::Context;
using http::Response;
using api::Guarded;
using api::PathId;

const nlohmann::json kCaseRef = {{"$ref", "#/components/schemas/Case"}};
const nlohmann::json kCaseInputRef = {{"$ref", "#/components/schemas/CaseInput"}};
const nlohmann::json kEntryRef = {{"$ref", "#/components/schemas/CaseEntry"}};
const nlohmann::json kEntryInputRef = {{"$ref", "#/components/schemas/CaseEntryInput"}};
const nlohmann::json kObject = {{"type", "object"}};
const nlohmann::json kArray = {{"type", "array"}, {"items", {{"type", "object"}}}};
const std::vector<std::string> kListParams = {"q",           "status",    "priority",  "category",   "level",
                                              "sla_state",   "channel",   "queue_id",  "assignee_id", "client_id",
                                              "unassigned",  "sort",      "limit",     "cursor"};

std::vector<LinkedRecord> LinksFrom(const nlohmann::json& list, api::Fields& f) {
  std::vector<LinkedRecord> out;
  if (!list.is_array()) {
    f.Fail("links", "field.type", "Must be a list of {entity_type, entity_id}.");
    return out;
  }
  for (const auto& l : list) {
    LinkedRecord r;
    if (l.is_object() && l.contains("entity_type") && l["entity_type"].is_string()) r.entity_type = l["entity_type"];
    if (l.is_object() && l.contains("entity_id") && l["entity_id"].is_number_integer()) r.entity_id = l["entity_id"];
    out.push_back(r);
  }
  return out;
}

Result<CaseInput> CaseInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  CaseInput in;
  in.subject = f.String("subject", 300);
  in.description = f.String("description", 100000);
  in.requester_kind = f.String("requester_kind");
  in.requester_name = f.String("requester_name");
  in.requester_email = f.String("requester_email");
  in.category = f.String("category");
  in.priority = f.String("priority");
  in.status = f.String("status");
  in.level = f.String("level");
  in.channel = f.String("channel");
  in.language = f.String("language");
  in.requester_contact_id = f.Int("requester_contact_id");
  in.requester_worker_id = f.Int("requester_worker_id");
  in.client_id = f.Int("client_id");
  in.queue_id = f.Int("queue_id");
  in.assignee_id = f.Int("assignee_id");
  if (const auto* a = f.Raw("assignee_id"); a && a->is_null()) in.clear_assignee = true;
  if (const auto* t = f.Raw("tags"); t && !t->is_null()) {
    std::vector<std::string> tags;
    if (t->is_array())
      for (const auto& v : *t)
        if (v.is_string()) tags.push_back(v);
    in.tags = tags;
  }
  if (const auto* l = f.Raw("links"); l && !l->is_null()) in.links = LinksFrom(*l, f);
  TRY(f.Finish("The case"));
  return in;
}

Result<EntryInput> EntryInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  EntryInput in;
  in.kind = f.String("kind").value_or("note");
  in.body = f.String("body", 200000).value_or("");
  in.is_public = f.Bool("public").value_or(false);
  in.duration_s = f.Int("duration_s");
  in.outcome = f.String("outcome");
  in.set_status = f.String("set_status");
  TRY(f.Finish("The entry"));
  return in;
}

Result<std::optional<int64_t>> OptionalId(const http::Request& request, const std::string& name) {
  return api::QueryId(request, name);
}

Result<CaseListQuery> ListQueryFrom(const http::Context& ctx) {
  const http::Request& request = ctx.request;
  CaseListQuery q;
  auto text = [&](const char* name) {
    auto v = request.Query(name);
    return v && !v->empty() ? v : std::nullopt;
  };
  q.q = text("q");
  q.status = TRY(api::QueryChoice(request, "status",
                                  {"active", "new", "open", "pending_requester", "pending_third_party", "on_hold",
                                   "solved", "closed"}));
  q.priority = TRY(api::QueryChoice(request, "priority", kPriorities));
  q.category = TRY(api::QueryChoice(request, "category", kCategories));
  q.level = TRY(api::QueryChoice(request, "level", kLevels));
  q.sla_state = TRY(api::QueryChoice(request, "sla_state", {"none", "ok", "due_soon", "paused", "breached", "met"}));
  q.channel = TRY(api::QueryChoice(request, "channel", kChannels));
  q.queue_id = TRY(OptionalId(request, "queue_id"));
  q.client_id = TRY(OptionalId(request, "client_id"));
  if (text("assignee_id") == "me") {
    q.assignee_id = api::Caller(ctx).user_id;
  } else {
    q.assignee_id = TRY(OptionalId(request, "assignee_id"));
  }
  q.unassigned = text("unassigned") == "true";
  const auto sort = TRY(api::ParseSort(request, {"updated_at", "created_at", "sla_due_at", "subject", "priority", "status"},
                                       {"updated_at", true}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

nlohmann::json EntriesJson(const std::vector<Entry>& entries) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : entries) out.push_back(ToJson(e));
  return out;
}

}  // namespace

void InstallRoutes(http::Router& router, ServiceDesk& desk) {
  router.Add(
      "GET", "/api/v1/cases",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
          const CaseListQuery query = TRY(ListQueryFrom(ctx));
          return PageResponse(TRY(desk.List(caller, query)), query.limit);
        });
      },
      {"List cases in your scope (search, filter, sort, cursor pages; assignee_id=me for my work)", "service", true,
       nullptr, api::ListSchema(kCaseRef), kListParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/cases/export." + format,
        [&desk, format](Context& ctx) {
          return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
            return TableDownload(TRY(desk.ExportTable(caller, TRY(ListQueryFrom(ctx)))), format, "cases");
          });
        },
        {"Export the listed cases as " + format, "service", true, nullptr, nullptr, kListParams});
  }

  router.Add(
      "POST", "/api/v1/cases",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesOpen, [&](const auth::Principal& caller) -> Result<Response> {
          const CaseInput input = TRY(CaseInputFrom(ctx.request));
          // A link says the record is the requester's: portal users open a case on a record through that
          // record's own route (e.g. POST /api/v1/assignments/{id}/cases), which checks they may see it.
          if (!caller.Internal() && input.links && !input.links->empty()) {
            return Error::Invalid("case.links_not_allowed", "Open the case from the record's own page.",
                                  {{"links", "case.links_not_allowed",
                                    "Portal users link a case to a record from that record, not here."}});
          }
          const Case c = TRY(desk.Create(caller, input, ctx.request.request_id));
          Response response = api::WithETag(Response::Json(ToJson(c), 201), c.version);
          response.headers["Location"] = "/api/v1/cases/" + std::to_string(c.id);
          return response;
        });
      },
      {"Open a case (staff for anyone; portal users for themselves: routed, SLA chosen)", "service", true,
       kCaseInputRef, kCaseRef, {}, 201});

  router.Add(
      "GET", "/api/v1/cases/{id}",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
          const Case c = TRY(desk.Get(caller, TRY(PathId(ctx))));
          return api::WithETag(Response::Json(ToJson(c)), c.version);
        });
      },
      {"One case (ETag for If-Match)", "service", true, nullptr, kCaseRef});

  router.Add(
      "PATCH", "/api/v1/cases/{id}",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const Case c = TRY(desk.Update(caller, id, version, TRY(CaseInputFrom(ctx.request)), ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(c)), c.version);
        });
      },
      {"Change a case: status, priority, queue, assignee, level, tags, links (If-Match required)", "service", true,
       kCaseInputRef, kCaseRef});

  router.Add(
      "GET", "/api/v1/cases/{id}/timeline",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json({{"items", EntriesJson(TRY(desk.Timeline(caller, TRY(PathId(ctx)))))}});
        });
      },
      {"The case's timeline (portal users see its public entries only)", "service", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", kEntryRef}}}}}}});

  router.Add(
      "POST", "/api/v1/cases/{id}/entries",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesOpen, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const Entry e = TRY(desk.AddEntry(caller, id, TRY(EntryInputFrom(ctx.request)), ctx.request.request_id));
          return Response::Json(ToJson(e), 201);
        });
      },
      {"Add a reply (sent by mail to the requester), note, call, chat transcript or — on the portal — a message",
       "service", true, kEntryInputRef, kEntryRef, {}, 201});

  router.Add(
      "GET", "/api/v1/cases/{id}/sla",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(desk.Sla(caller, TRY(PathId(ctx)))));
        });
      },
      {"The case's SLA now: each clock's state, due time, breaches, and the recorded SLA events", "service", true,
       nullptr, kObject});

  router.Add(
      "POST", "/api/v1/cases/{id}/merge",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          const auto target = f.Int("target_id");
          if (!target) f.Fail("target_id", "field.required", "Which case does this one duplicate?");
          TRY(f.Finish("The merge"));
          return Response::Json(ToJson(TRY(desk.Merge(caller, id, *target, ctx.request.request_id))));
        });
      },
      {"Merge this duplicate into target_id (its messages move; it closes)", "service", true,
       {{"type", "object"}, {"required", {"target_id"}}, {"properties", {{"target_id", {{"type", "integer"}}}}}},
       kCaseRef});

  router.Add(
      "POST", "/api/v1/cases/{id}/macros/{macro_id}",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t macro = TRY(PathId(ctx, "macro_id"));
          return Response::Json(ToJson(TRY(desk.ApplyMacro(caller, id, macro, ctx.request.request_id))), 201);
        });
      },
      {"Apply a macro: its text (placeholders filled) goes out as a reply, then its status/priority/tags", "service",
       true, nullptr, kEntryRef, {}, 201});

  router.Add(
      "POST", "/api/v1/cases/{id}/reminders",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          const std::string due = f.String("due_at").value_or("");
          const std::string note = f.String("note", 2000).value_or("");
          TRY(f.Finish("The reminder"));
          return Response::Json(TRY(desk.AddReminder(caller, id, due, note, ctx.request.request_id)), 201);
        });
      },
      {"A follow-up reminder for yourself on this case", "service", true, kObject, kObject, {}, 201});

  router.Add(
      "GET", "/api/v1/case-reminders",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json({{"items", TRY(desk.Reminders(caller, ctx.request.Query("done") == "all"))}});
        });
      },
      {"Your follow-up reminders (done=all to include completed ones)", "service", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", kArray}}}}, {"done"}});

  router.Add(
      "POST", "/api/v1/case-reminders/{id}/complete",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(desk.CompleteReminder(caller, TRY(PathId(ctx)), ctx.request.request_id)));
        });
      },
      {"Mark one of your reminders done", "service", true, nullptr, kObject});

  router.Add(
      "GET", "/api/v1/service/notifications",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json({{"items", TRY(desk.Notifications(caller))}});
        });
      },
      {"Your escalation and reminder notifications, newest first", "service", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", kArray}}}}});

  router.Add(
      "POST", "/api/v1/service/escalations/run",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const EscalationRun run = TRY(desk.RunEscalations(ctx.request.request_id));
          return Response::Json({{"cases_checked", run.cases_checked},
                                 {"escalations_fired", run.escalations_fired},
                                 {"deferred", run.deferred},
                                 {"reminders_due", run.reminders_due}});
        });
      },
      {"Run the escalation check now (it also runs every minute as the service.escalations job)", "service", true,
       nullptr, kObject});

  router.Add(
      "POST", "/api/v1/case-surveys",
      [&desk](Context& ctx) {
        auto answer = [&]() -> Result<Response> {
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          const std::string token = f.String("token", 100).value_or("");
          const int64_t rating = f.Int("rating").value_or(0);
          const std::string comment = f.String("comment", 5000).value_or("");
          TRY(f.Finish("The survey"));
          const Case c = TRY(desk.AnswerSurvey(token, rating, comment, ctx.request.request_id));
          return Response::Json({{"case_id", c.id}, {"satisfaction", rating}});
        };
        Result<Response> r = answer();
        return r.ok() ? std::move(r).value() : api::ProblemFor(r.error(), ctx.request);
      },
      {"Answer the satisfaction survey sent on solve (the link's token; no sign-in)", "service", false,
       {{"type", "object"},
        {"required", {"token", "rating"}},
        {"properties", {{"token", {{"type", "string"}}}, {"rating", {{"type", "integer"}}}, {"comment", {{"type", "string"}}}}}},
       kObject});
  InstallConfigRoutes(router, desk);
  InstallReportRoutes(router, desk);
  InstallQualityRoutes(router, desk);
  InstallBoardRoutes(router, desk);
  InstallAttachmentRoutes(router, desk);
}

}  // namespace concord::service
