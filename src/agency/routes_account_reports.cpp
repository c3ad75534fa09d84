// Routes: account status reports (the list, draft / edit / send, PDF and XLSX) and each account's weekly
// report schedule.
#include "agency/account_reports.h"
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Response Versioned(const nlohmann::json& body, int64_t version, int status = 200) {
  return api::WithETag(Response::Json(body, status), version);
}

std::string JobsCell(const AccountReport& r) {
  std::string out;
  for (const auto& l : r.lines) out += (out.empty() ? "" : ", ") + l.number + " " + l.health;
  return out;
}

}  // namespace

void InstallAccountReportRoutes(http::Router& router, AccountReportService& reports) {
  const std::string base = kBase + "/account-status-reports";
  AddList<AccountReport>(
      router, {base,
               "Account status reports",
               "AgencyAccountReport",
               {"client_id", "state"},
               {"created_at", "client"},
               [&reports](const auth::Principal& caller, const ListQuery& q) { return reports.List(caller, q); },
               [](const AccountReport& r) { return ToJson(r); },
               [](const AccountReport& r) { return r.id; },
               {"Client", "State", "Prepared", "Jobs", "Sent", "Sent to", "Author"},
               [](const AccountReport& r) {
                 return std::vector<std::string>{r.client_name, r.state, r.created_at, JobsCell(r),
                                                 r.sent_at.value_or(""), r.sent_to, r.author};
               }});

  router.Add("POST", kBase + "/accounts/{id}/status-reports",
             Handle(Permission::kAgencyWrite, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const AccountReport r =
                   TRY(reports.PrepareDraft(caller, TRY(api::PathId(ctx)), "manual", ctx.request.request_id));
               return Versioned(ToJson(r), r.version);
             }),
             {"Prepare the account's status report draft over every live job (refreshes the figures of a draft "
              "already waiting, keeping its narrative, health and progress)",
              "agency", true, nullptr, Ref("AgencyAccountReport")});

  router.Add("GET", base + "/{id}",
             Handle(Permission::kAgencyRead, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const AccountReport r = TRY(reports.Get(caller, TRY(api::PathId(ctx))));
               return Versioned(ToJson(r), r.version);
             }),
             {"One account status report", "agency", true, nullptr, Ref("AgencyAccountReport")});

  router.Add("PATCH", base + "/{id}",
             Handle(Permission::kAgencyWrite, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               AccountReportEdit edit;
               edit.narrative = f.String("narrative", 50000);
               if (const auto* lines = f.Raw("lines"); lines && lines->is_array()) {
                 for (size_t i = 0; i < lines->size(); ++i) {
                   const auto& l = (*lines)[i];
                   const std::string at = "lines[" + std::to_string(i) + "]";
                   AccountReportLineEdit e;
                   if (l.contains("job_id") && l["job_id"].is_number_integer()) e.job_id = l["job_id"];
                   else f.Fail(at + ".job_id", "field.required", "Which job?");
                   if (l.contains("health") && l["health"].is_string()) e.health = l["health"].get<std::string>();
                   if (l.contains("progress")) {
                     if (l["progress"].is_number_integer()) e.progress = l["progress"].get<int>();
                     else f.Fail(at + ".progress", "field.integer", "A whole percent from 0 to 100.");
                   }
                   edit.lines.push_back(std::move(e));
                 }
               }
               TRY(f.Finish("The status report"));
               const AccountReport r = TRY(reports.EditDraft(caller, id, version, edit, ctx.request.request_id));
               return Versioned(ToJson(r), r.version);
             }),
             {"Edit the draft: narrative, and each job's health and progress (If-Match)", "agency", true,
              Ref("AgencyAccountReportEdit"), Ref("AgencyAccountReport")});

  router.Add("POST", base + "/{id}/send",
             Handle(Permission::kAgencyWrite, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               const auto to = f.String("to", 320);
               TRY(f.Finish("The sending"));
               const AccountReport r = TRY(reports.Send(caller, id, version, to, ctx.request.request_id));
               return Versioned(ToJson(r), r.version);
             }),
             {"E-mail the report (PDF attached) to the client contact through the outbox and freeze it (If-Match; "
              "to: default the schedule's address, else the primary contact)",
              "agency", true, nullptr, Ref("AgencyAccountReport")});

  router.Add("GET", base + "/{id}/pdf",
             Handle(Permission::kAgencyRead, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const RenderedDocument doc = TRY(AccountReportDocument(TRY(reports.Get(caller, TRY(api::PathId(ctx))))));
               return Response::Download(doc.bytes, doc.content_type, doc.file_name);
             }),
             {"The account status report as PDF (what the client receives)", "agency", true, nullptr, nullptr});

  for (const std::string format : {"xlsx", "csv"}) {
    router.Add("GET", base + "/{id}/export." + format,
               Handle(Permission::kAgencyRead, [&reports, format](Context& ctx, const auth::Principal& caller)
                                                   -> Result<Response> {
                 const AccountReport r = TRY(reports.Get(caller, TRY(api::PathId(ctx))));
                 const io::Table table = AccountReportTable(r);
                 const std::string name = "status-report-" + std::to_string(r.id) + "." + format;
                 if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, name);
                 return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, name);
               }),
               {"The account status report, one row per job, as " + format, "agency", true, nullptr, nullptr});
  }

  router.Add("GET", kBase + "/accounts/{id}/status-report-schedule",
             Handle(Permission::kAgencyRead, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const AccountReportSchedule s = TRY(reports.GetSchedule(caller, TRY(api::PathId(ctx))));
               return Versioned(ToJson(s), s.version);
             }),
             {"The account's weekly status-report schedule (version 0: never set)", "agency", true, nullptr,
              Ref("AgencyAccountReportSchedule")});

  router.Add("PUT", kBase + "/accounts/{id}/status-report-schedule",
             Handle(Permission::kAgencyWrite, [&reports](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               AccountReportSchedule in;
               if (const auto* day = f.Raw("weekday"); day && !day->is_null()) {
                 if (day->is_number_integer()) in.weekday = day->get<int>();
                 else f.Fail("weekday", "field.integer", "A weekday from 1 (Monday) to 7 (Sunday), or null.");
               }
               in.auto_send = f.Bool("auto_send").value_or(false);
               in.send_to = f.String("send_to", 320).value_or("");
               TRY(f.Finish("The schedule"));
               const AccountReportSchedule s = TRY(reports.SaveSchedule(caller, id, version, in, ctx.request.request_id));
               return Versioned(ToJson(s), s.version);
             }),
             {"Set the weekly schedule: weekday (1 Monday … 7 Sunday, null: off), auto_send, send_to (If-Match, "
              "\"0\" the first time)",
              "agency", true, Ref("AgencyAccountReportSchedule"), Ref("AgencyAccountReportSchedule")});
}

}  // namespace concord::agency::routes
