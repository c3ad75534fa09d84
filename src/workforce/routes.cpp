#include "workforce/routes.h"

#include "store/time.h"
#include "workforce/classification.h"
#include "workforce/reminders.h"
#include "workforce/routes_support.h"

namespace concord::workforce {
namespace {

using api::Guarded;
using api::PathId;
using auth::Permission;
using http::Context;
using http::Response;

const json kObject = {{"type", "object"}};

std::string Reason(const http::Request& request) {
  auto body = nlohmann::json::parse(request.body.empty() ? "{}" : request.body, nullptr, false);
  if (!body.is_object()) return "";
  return body.value("reason", body.value("note", ""));
}

Result<Date> QueryDate(const http::Request& request, const std::string& name, Date fallback) {
  const auto text = request.Query(name);
  if (!text || text->empty()) return fallback;
  auto date = Date::Parse(*text);
  if (!date.ok()) return Error::BadRequest("request.bad_date", name + " must be a date (YYYY-MM-DD).");
  return *date;
}

Date Today() { return TodayUtc(); }

// A record type with list/export, get, create and If-Match updates.
struct RecordRoutes {
  ListRoute list;
  std::function<Result<json>(WorkforceService&, const auth::Principal&, const json&, const std::string&)> create;
  std::function<Result<json>(WorkforceService&, const auth::Principal&, int64_t, int64_t, const json&,
                             const std::string&)>
      update;
};

void InstallRecord(http::Router& router, WorkforceService& service, const RecordRoutes& r) {
  InstallList(router, service, r.list);
  const std::string one = r.list.path + "/{id}";
  const TableMap* map = r.list.map;
  router.Add(
      "GET", one,
      [&service, map](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(service.Get(caller, *map, TRY(PathId(ctx)))));
        });
      },
      {"One " + map->entity + " (ETag for If-Match)", r.list.tag, true, nullptr, Ref(r.list.schema)});
  if (r.create) {
    router.Add(
        "POST", r.list.path,
        [&service, r](Context& ctx) {
          return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
            return RecordResponse(TRY(r.create(service, caller, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)),
                                  201);
          });
        },
        {"Create a " + map->entity, r.list.tag, true, Ref(r.list.schema + "Input"), Ref(r.list.schema), {}, 201});
  }
  if (r.update) {
    router.Add(
        "PATCH", one,
        [&service, r](Context& ctx) {
          return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
            const int64_t id = TRY(PathId(ctx));
            const int64_t version = TRY(api::IfMatchVersion(ctx.request));
            const json body = TRY(api::JsonBody(ctx.request));
            return RecordResponse(TRY(r.update(service, caller, id, version, body, ctx.request.request_id)));
          });
        },
        {"Change a " + map->entity + " (If-Match required; 412 when someone saved first)", r.list.tag, true,
         Ref(r.list.schema + "Input"), Ref(r.list.schema)});
  }
}

// A report: GET path (JSON rows) and path/export.csv|xlsx.
void InstallReport(http::Router& router, const std::string& path, const std::string& summary,
                   std::vector<std::string> columns, std::vector<std::string> params, Permission permission,
                   std::function<Result<std::vector<json>>(const auth::Principal&, const http::Request&)> rows) {
  router.Add(
      "GET", path,
      [rows, permission](Context& ctx) {
        return Guarded(ctx, permission, [&](const auth::Principal& caller) -> Result<Response> {
          const auto items = TRY(rows(caller, ctx.request));
          return Response::Json({{"items", items}, {"total", items.size()}});
        });
      },
      {summary, "workforce", true, nullptr, api::ListSchema(kObject), params});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", path + "/export." + format,
        [rows, permission, columns, format, summary, path](Context& ctx) {
          return Guarded(ctx, permission, [&](const auth::Principal& caller) -> Result<Response> {
            const io::Table table = ToTable(summary.substr(0, 31), columns, TRY(rows(caller, ctx.request)));
            const std::string stem = path.substr(path.rfind('/') + 1);
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, stem + ".csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, stem + ".xlsx");
          });
        },
        {summary + " as " + format, "workforce", true, nullptr, nullptr, params});
  }
}

void InstallRecords(http::Router& router, WorkforceService& service) {
  InstallRecord(router, service,
                {{"/api/v1/programmes", "workforce", &ProgrammeTable(), "Programme", {"client_id", "vms", "status"},
                  {"id", "client_name", "name", "msp", "vms", "account_executive", "checkin_schedule", "status",
                   "updated_at"},
                  "programmes"},
                 [](WorkforceService& s, const auth::Principal& c, const json& b, const std::string& rid) {
                   return s.CreateProgramme(c, b, rid);
                 },
                 [](WorkforceService& s, const auth::Principal& c, int64_t id, int64_t v, const json& b,
                    const std::string& rid) { return s.UpdateProgramme(c, id, v, b, rid); }});
  InstallRecord(router, service,
                {{"/api/v1/workers", "workforce", &WorkerTable(), "Worker", {"worker_type", "status", "home_state"},
                  {"id", "last_name", "first_name", "email", "phone", "worker_type", "home_country", "home_state",
                   "tax_id_masked", "status"},
                  "workers"},
                 [](WorkforceService& s, const auth::Principal& c, const json& b, const std::string& rid) {
                   return s.CreateWorker(c, b, rid);
                 },
                 [](WorkforceService& s, const auth::Principal& c, int64_t id, int64_t v, const json& b,
                    const std::string& rid) { return s.UpdateWorker(c, id, v, b, rid); }});
  InstallRecord(router, service,
                {{"/api/v1/psrs", "workforce", &PsrTable(), "Psr", {"client_id", "programme_id", "status", "source"},
                  {"id", "client_name", "programme_name", "vms_work_order_id", "worker_first_name", "worker_last_name",
                   "title", "manager_name", "start_date", "end_date", "pay_rate", "bill_rate", "status", "missing"},
                  "PSRs"},
                 [](WorkforceService& s, const auth::Principal& c, const json& b, const std::string& rid) {
                   return s.CreatePsr(c, b, rid);
                 },
                 [](WorkforceService& s, const auth::Principal& c, int64_t id, int64_t v, const json& b,
                    const std::string& rid) { return s.UpdatePsr(c, id, v, b, rid); }});
  InstallRecord(router, service,
                {{"/api/v1/assignments", "workforce", &AssignmentTable(), "Assignment",
                  {"client_id", "programme_id", "worker_id", "status", "worker_type", "vms_update_pending"},
                  {"id", "vms_work_order_id", "worker_name", "client_name", "title", "manager_name", "location",
                   "cost_centre", "start_date", "end_date", "status", "worker_type", "pay_rate", "bill_rate",
                   "vms_update_pending"},
                  "assignments"},
                 [](WorkforceService& s, const auth::Principal& c, const json& b, const std::string& rid) {
                   return s.CreateAssignment(c, b, rid);
                 },
                 nullptr});
  InstallRecord(router, service,
                {{"/api/v1/timecards", "workforce", &TimecardTable(), "Timecard",
                  {"client_id", "assignment_id", "worker_id", "status", "week_start"},
                  {"id", "week_start", "worker_name", "client_name", "assignment_title", "manager_name", "total_hours",
                   "status", "submitted_at", "reject_reason"},
                  "timecards"},
                 nullptr, nullptr});
  InstallRecord(router, service,
                {{"/api/v1/expenses", "workforce", &ExpenseTable(), "Expense",
                  {"client_id", "assignment_id", "worker_id", "status", "category"},
                  {"id", "spent_on", "worker_name", "client_name", "category", "amount", "currency", "description",
                   "status", "reject_reason"},
                  "expenses"},
                 nullptr, nullptr});
  InstallList(router, service,
              {"/api/v1/workforce/tasks", "workforce", &TaskTable(), "Task", {"client_id", "status", "owner", "entity"},
               {"id", "client_name", "title", "detail", "owner", "status", "created_at"}, "tasks"});
  InstallList(router, service,
              {"/api/v1/workforce/timeline", "workforce", &TimelineTable(), "TimelineEntry",
               {"worker_id", "assignment_id", "kind", "channel"},
               {"id", "occurred_at", "kind", "channel", "direction", "subject", "body", "author_name", "mail_status"},
               "timeline entries"});
  InstallList(router, service,
              {"/api/v1/workforce/documents", "workforce", &DocumentTable(), "Document", {"assignment_id", "item_id"},
               {"id", "assignment_id", "item_id", "file_name", "size", "sha256", "uploaded_by", "created_at"},
               "documents"});
  InstallList(router, service,
              {"/api/v1/determinations", "workforce", &DeterminationTable(), "Determination",
               {"assignment_id", "status", "risk"},
               {"id", "assignment_id", "worker_name", "risk", "status", "approver_name", "approved_at"},
               "classification determinations"});
}

void InstallActions(http::Router& router, WorkforceService& service) {
  router.Add(
      "GET", "/api/v1/workers/{id}/tax-id",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kTaxIdReveal, [&](const auth::Principal& caller) -> Result<Response> {
          Response response =
              Response::Json({{"tax_id", TRY(service.RevealWorkerTaxId(caller, TRY(PathId(ctx)), ctx.request.request_id))}});
          response.headers["Cache-Control"] = "no-store";
          return response;
        });
      },
      {"Reveal a worker's tax id (audited)", "workforce", true, nullptr,
       {{"type", "object"}, {"properties", {{"tax_id", {{"type", "string"}}}}}}});

  router.Add(
      "POST", "/api/v1/workers/{id}/timeline",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          // send_email: the entry also goes to the worker through the outbox (its state shows as mail_status).
          json body = TRY(api::JsonBody(ctx.request));
          const bool send = body.is_object() && body.value("send_email", false);
          if (body.is_object()) body.erase("send_email");
          return RecordResponse(TRY(service.AddTimelineEntry(caller, TRY(PathId(ctx)), body, ctx.request.request_id,
                                                             send ? std::optional<MailCopy>(MailCopy{"worker", "timeline_email"})
                                                                  : std::nullopt)),
                                201);
        });
      },
      {"Record a message, call or note on a worker's timeline (send_email: true also e-mails it to the worker)",
       "workforce", true, Ref("TimelineEntryInput"),
       Ref("TimelineEntry"), {}, 201});

  router.Add(
      "POST", "/api/v1/psrs/import",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const auto programme_id = TRY(api::QueryId(ctx.request, "programme_id"));
          if (!programme_id) return Error::BadRequest("request.programme_required", "Give programme_id.");
          const PsrImportReport report = TRY(service.ImportPsrs(
              caller, *programme_id, ctx.request.body, ctx.request.Query("file_name").value_or("vms-export.csv"),
              ctx.request.Query("dry_run").value_or("false") == "true", ctx.request.request_id));
          return Response::Json({{"created", report.created}, {"updated", report.updated},
                                 {"unchanged", report.unchanged}, {"needs_details", report.needs_details},
                                 {"dry_run", report.dry_run}});
        });
      },
      {"Import PSRs from a VMS export (text/csv or .xlsx, first sheet; the programme's VMS mapping; all or nothing; "
       "idempotent)",
       "workforce", true, {{"type", "string"}, {"contentMediaType", "text/csv"}}, kObject,
       {"programme_id", "file_name", "dry_run"}});

  router.Add(
      "POST", "/api/v1/timecards/import",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const auto programme_id = TRY(api::QueryId(ctx.request, "programme_id"));
          if (!programme_id) return Error::BadRequest("request.programme_required", "Give programme_id.");
          const TimecardImportReport report = TRY(service.ImportTimecards(
              caller, *programme_id, ctx.request.body, ctx.request.Query("file_name").value_or("vms-timecards.csv"),
              ctx.request.request_id));
          return Response::Json(
              {{"created", report.created}, {"updated", report.updated}, {"unchanged", report.unchanged}});
        });
      },
      {"Import timecards from a VMS time export (text/csv; one row per work order, day and rate category; the "
       "programme's VMS mapping; all or nothing; idempotent)",
       "workforce", true, {{"type", "string"}, {"contentMediaType", "text/csv"}}, kObject, {"programme_id", "file_name"}});

  router.Add(
      "POST", "/api/v1/psrs/{id}/convert",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(TRY(service.ConvertPsr(caller, id, version, ctx.request.request_id)), 201);
        });
      },
      {"Turn a complete PSR into a requested assignment (If-Match)", "workforce", true, nullptr, Ref("Assignment"),
       {}, 201});

  router.Add(
      "POST", "/api/v1/assignments/{id}/events",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const json body = TRY(api::JsonBody(ctx.request));
          return RecordResponse(TRY(service.ApplyEvent(caller, id, version, body, ctx.request.request_id)));
        });
      },
      {"Move an assignment through its life cycle: {event, …facts} (If-Match; 409 names what blocks it)",
       "workforce", true, Ref("AssignmentEvent"), Ref("Assignment")});

  router.Add(
      "POST", "/api/v1/assignments/{id}/{list}/{item}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const json body = TRY(api::JsonBody(ctx.request));
          return RecordResponse(TRY(service.SetChecklistItem(caller, id, version, ctx.Param("list"), ctx.Param("item"),
                                                             body.value("action", "done"), body.value("note", ""),
                                                             ctx.request.request_id)));
        });
      },
      {"Mark an onboarding (list=checklist) or offboarding item done, waived or reopened (If-Match)", "workforce",
       true, {{"type", "object"}, {"properties", {{"action", {{"type", "string"}}}, {"note", {{"type", "string"}}}}}},
       Ref("Assignment")});

  router.Add(
      "GET", "/api/v1/assignments/{id}/revisions",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json({{"items", TRY(service.Revisions(caller, TRY(PathId(ctx))))}});
        });
      },
      {"Every revision of an assignment, oldest first", "workforce", true, nullptr, api::ListSchema(kObject)});

  router.Add(
      "GET", "/api/v1/assignments/{id}/separation-letter.pdf",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          return Response::Download(TRY(service.SeparationLetterPdf(caller, id, ctx.request.request_id)),
                                    "application/pdf", "separation-letter-" + std::to_string(id) + ".pdf");
        });
      },
      {"The separation letter of an ended assignment (PDF from the template; issue audited)", "workforce", true,
       nullptr, nullptr});

  router.Add(
      "POST", "/api/v1/assignments/{id}/documents",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          return RecordResponse(
              TRY(service.AddDocument(caller, id, ctx.request.Query("item_id").value_or(""),
                                      ctx.request.Query("file_name").value_or(""),
                                      ctx.request.Header("Content-Type").value_or("application/octet-stream"),
                                      ctx.request.body, ctx.request.request_id)),
              201);
        });
      },
      {"Store a document (raw body) for a checklist item; kept with its SHA-256", "workforce", true,
       {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}, Ref("Document"),
       {"item_id", "file_name"}, 201});

  router.Add(
      "GET", "/api/v1/workforce/documents/{id}/download",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const jobs::File file = TRY(service.DocumentFile(caller, TRY(PathId(ctx))));
          return Response::Download(file.content, file.content_type, file.name);
        });
      },
      {"Download a stored document", "workforce", true, nullptr, nullptr});

  router.Add(
      "POST", "/api/v1/assignments/{id}/classification",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          return RecordResponse(
              TRY(service.Classify(caller, id, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)), 201);
        });
      },
      {"Score the classification questionnaire ({answers: {question id: bool}, other_work})", "workforce", true,
       kObject, Ref("Determination"), {}, 201});

  router.Add(
      "GET", "/api/v1/workforce/questionnaire",
      [](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal&) -> Result<Response> {
          const Questionnaire& q = CurrentQuestionnaire();
          json questions = json::array();
          for (const auto& question : q.questions) {
            questions.push_back({{"id", question.id}, {"framework", ToString(question.framework)},
                                 {"category", question.category}, {"text", question.text},
                                 {"citation", question.citation}});
          }
          return Response::Json({{"version", q.version}, {"questions", questions}});
        });
      },
      {"The classification questionnaire (versioned, with citations)", "workforce", true, nullptr, kObject});

  router.Add(
      "POST", "/api/v1/determinations/{id}/approve",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceApprove, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(
              TRY(service.ApproveDetermination(caller, id, version, Reason(ctx.request), ctx.request.request_id)));
        });
      },
      {"Approve an escalated classification (managers; If-Match)", "workforce", true, kObject, Ref("Determination")});

  router.Add(
      "PUT", "/api/v1/assignments/{id}/timecards/{week_start}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kTimeEnter, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const json body = TRY(api::JsonBody(ctx.request));
          return RecordResponse(TRY(service.SaveTimecard(caller, id, ctx.Param("week_start"),
                                                         body.value("hours", json::object()), ctx.request.request_id)));
        });
      },
      {"Enter a week's hours (Monday week_start; regular/overtime/double_time × 7 days)", "workforce", true, kObject,
       Ref("Timecard")});

  for (const std::string kind : {"timecards", "expenses"}) {
    router.Add(
        "POST", "/api/v1/" + kind + "/{id}/{action}",
        [&service, kind](Context& ctx) {
          const std::string action = ctx.Param("action");
          const Permission permission = action == "submit" ? Permission::kTimeEnter : Permission::kTimeApprove;
          return Guarded(ctx, permission, [&](const auth::Principal& caller) -> Result<Response> {
            if (action != "submit" && action != "approve" && action != "reject") {
              return Error::NotFound("route.not_found", "No action " + action + ".");
            }
            const int64_t id = TRY(PathId(ctx));
            const int64_t version = TRY(api::IfMatchVersion(ctx.request));
            return RecordResponse(TRY(kind == "timecards" ? service.DecideTimecard(caller, id, version, action,
                                                                                   Reason(ctx.request),
                                                                                   ctx.request.request_id)
                                                          : service.DecideExpense(caller, id, version, action,
                                                                                  Reason(ctx.request),
                                                                                  ctx.request.request_id)));
          });
        },
        {"Submit, approve or reject (with a reason) " + std::string(kind == "timecards" ? "a timecard" : "an expense") +
             " (If-Match)",
         "workforce", true, kObject, Ref(kind == "timecards" ? "Timecard" : "Expense")});
  }

  router.Add(
      "POST", "/api/v1/expenses",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kTimeEnter, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(service.CreateExpense(caller, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)),
                                201);
        });
      },
      {"Submit an expense", "workforce", true, Ref("ExpenseInput"), Ref("Expense"), {}, 201});

  router.Add(
      "POST", "/api/v1/expenses/{id}/receipt",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kTimeEnter, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(service.AttachReceipt(
              caller, TRY(PathId(ctx)), ctx.request.Query("file_name").value_or(""),
              ctx.request.Header("Content-Type").value_or("application/octet-stream"), ctx.request.body,
              ctx.request.request_id)));
        });
      },
      {"Attach the expense's receipt (raw body; kept with its SHA-256; until the expense is approved)", "workforce",
       true, {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}, Ref("Expense"), {"file_name"}});
  router.Add(
      "GET", "/api/v1/expenses/{id}/receipt",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const jobs::File file = TRY(service.ReceiptFile(caller, TRY(PathId(ctx))));
          return Response::Download(file.content, file.content_type, file.name);
        });
      },
      {"Download the expense's receipt", "workforce", true, nullptr, nullptr});
}

void InstallWorkforceViews(http::Router& router, WorkforceService& service) {
  router.Add(
      "GET", "/api/v1/workforce/home",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.Home(caller, TRY(QueryDate(ctx.request, "today", Today())))));
        });
      },
      {"The coordinator's home: PSRs waiting, onboarding blocked, starts and ends this week, missing timecards, "
       "audit exceptions",
       "workforce", true, nullptr, kObject, {"today"}});

  InstallReport(router, "/api/v1/workforce/reports/missing-timecards", "Missing timecards",
                {"assignment_id", "worker_name", "client_name", "title", "manager_name", "week_start", "timecard_status"},
                {"week_start"}, Permission::kWorkforceRead,
                [&service](const auth::Principal& caller, const http::Request& request) -> Result<std::vector<json>> {
                  const Date week = TRY(QueryDate(request, "week_start", Today().AddDays(-7)));
                  return service.MissingTimecards(caller, week);
                });
  InstallReport(router, "/api/v1/workforce/reports/pending-approvals", "Timecards waiting for approval",
                {"id", "week_start", "worker_name", "client_name", "manager_name", "total_hours", "submitted_at",
                 "age_days"},
                {"today"}, Permission::kWorkforceRead,
                [&service](const auth::Principal& caller, const http::Request& request) -> Result<std::vector<json>> {
                  const json pending = TRY(service.PendingApprovals(caller, TRY(QueryDate(request, "today", Today()))));
                  return pending["items"].get<std::vector<json>>();
                });
  router.Add(
      "GET", "/api/v1/workforce/reports/pending-by-manager",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          const json pending = TRY(service.PendingApprovals(caller, TRY(QueryDate(ctx.request, "today", Today()))));
          return Response::Json({{"items", pending["by_manager"]}});
        });
      },
      {"Approvals pending per manager (count, oldest in days)", "workforce", true, nullptr, api::ListSchema(kObject),
       {"today"}});
  InstallReport(router, "/api/v1/workforce/reports/rejected", "Rejected time and expenses",
                {"kind", "id", "worker_name", "client_name", "week_start", "spent_on", "total_hours", "amount",
                 "reject_reason", "decided_by"},
                {}, Permission::kWorkforceRead,
                [&service](const auth::Principal& caller, const http::Request&) { return service.Rejected(caller); });
  router.Add(
      "POST", "/api/v1/workforce/reports/{name}/reminders",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          std::optional<Date> week;
          if (const auto text = ctx.request.Query("week_start"); text && !text->empty()) {
            week = TRY(QueryDate(ctx.request, "week_start", Today()));
          }
          const ReminderRun run = TRY(SendReminders(service, caller, ctx.Param("name"),
                                                    TRY(QueryDate(ctx.request, "today", Today())), week,
                                                    ctx.request.request_id));
          return Response::Json({{"report", run.report}, {"week_of", run.week_of}, {"sent", run.sent},
                                 {"already_sent", run.already_sent}});
        });
      },
      {"Send reminders for a report (missing-timecards, pending-approvals, rejected): a templated message on each "
       "worker's timeline, once per record and week; missing timecards for week_start's week (a past week; last "
       "week when absent)",
       "workforce", true, nullptr, kObject, {"today", "week_start"}});
  InstallReport(router, "/api/v1/workforce/audit-findings", "Periodic assignment audit findings",
                {"assignment_id", "code", "reason"}, {"today"}, Permission::kWorkforceRead,
                [&service](const auth::Principal& caller, const http::Request& request) -> Result<std::vector<json>> {
                  std::vector<json> out;
                  for (const auto& f : TRY(service.AuditFindings(caller, TRY(QueryDate(request, "today", Today()))))) {
                    out.push_back({{"assignment_id", std::stoll(f.assignment_id)}, {"code", f.code}, {"reason", f.reason}});
                  }
                  return out;
                });

  router.Add(
      "GET", "/api/v1/workforce/vms-audit",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.VmsAuditDashboard(caller)));
        });
      },
      {"VMS audit: alignment % per client and programme, and its trend", "workforce", true, nullptr, kObject});
  router.Add(
      "POST", "/api/v1/programmes/{id}/vms-audit/runs",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.StartVmsAudit(caller, TRY(PathId(ctx)), ctx.request.body,
                                                          ctx.request.Query("file_name").value_or("vms-export.csv"),
                                                          ctx.request.request_id)),
                                202);
        });
      },
      {"Run the programme's VMS audit on a VMS export (text/csv): a reconciliation run", "workforce", true,
       {{"type", "string"}, {"contentMediaType", "text/csv"}}, kObject, {"file_name"}, 202});
  router.Add(
      "POST", "/api/v1/programmes/{id}/vms-audit/apply",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.ApplyVmsAudit(caller, TRY(PathId(ctx)), ctx.request.request_id)));
        });
      },
      {"Apply the latest audit run: clear the VMS updates the VMS now agrees with", "workforce", true, nullptr,
       kObject});
  router.Add(
      "PUT", "/api/v1/programmes/{id}/vms-audit/schedule",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconSchedule, [&](const auth::Principal& caller) -> Result<Response> {
          const json body = TRY(api::JsonBody(ctx.request));
          return Response::Json(TRY(service.ScheduleVmsAudit(caller, TRY(PathId(ctx)), body.value("cron", "0 6 * * 1"),
                                                             body.value("vms_export_path", ""),
                                                             ctx.request.request_id)));
        });
      },
      {"Schedule the weekly VMS audit on the export the VMS drops on the server", "workforce", true, kObject,
       kObject});
  router.Add(
      "GET", "/api/v1/programmes/{id}/vms-audit/schedule",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.VmsAuditSchedule(caller, TRY(PathId(ctx)))));
        });
      },
      {"The weekly VMS audit's schedule ({cron, vms_export_path, next_run_at}), or null", "workforce", true, nullptr,
       {{"type", {"object", "null"}}}});
  router.Add(
      "DELETE", "/api/v1/programmes/{id}/vms-audit/schedule",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kReconSchedule, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(service.UnscheduleVmsAudit(caller, TRY(PathId(ctx)), ctx.request.request_id)));
        });
      },
      {"Stop the weekly VMS audit (its runs stay)", "workforce", true, nullptr, {{"type", {"object", "null"}}}});
}

}  // namespace

void InstallRoutes(http::Router& router, WorkforceService& service) {
  InstallRecords(router, service);
  InstallActions(router, service);
  InstallWorkforceViews(router, service);
  InstallTemplateRoutes(router, service);
  InstallLifecycleRoutes(router, service);
}

}  // namespace concord::workforce
