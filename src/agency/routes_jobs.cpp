// Routes: jobs (list, open, edit, status) and the coordinator's home page.
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Result<JobInput> JobInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  JobInput in;
  in.client_id = f.Int("client_id");
  in.title = f.String("title", 200);
  in.job_type = f.String("job_type", 100);
  in.description = f.String("description", 20000);
  in.brief = f.String("brief", 50000);
  in.currency = f.String("currency", 3);
  in.billable = f.Bool("billable");
  if (f.Has("owner_user_id")) in.owner_user_id = f.Int("owner_user_id");
  if (f.Has("start_date")) in.start_date = DateField(f, "start_date");
  if (f.Has("due_date")) in.due_date = DateField(f, "due_date");
  if (const auto* list = f.Raw("milestones"); list && list->is_array()) {
    in.milestones.emplace();
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& m = (*list)[i];
      auto due = Date::Parse(m.value("due", ""));
      if (!due.ok()) {
        f.Fail("milestones[" + std::to_string(i) + "].due", "field.date", "A date such as 2026-03-05.");
        continue;
      }
      in.milestones->push_back({m.value("name", ""), *due, m.value("done", false)});
    }
  }
  TRY(f.Finish("The job"));
  return in;
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string AlertCodes(const JobView& v) {
  std::string out;
  for (const auto& a : v.alerts) out += (out.empty() ? "" : "; ") + a.code;
  return out;
}

}  // namespace

void InstallJobRoutes(http::Router& router, AgencyService& service) {
  AddList<JobView>(router,
                   {kBase + "/jobs",
                    "Jobs",
                    "AgencyJob",
                    {"status", "client_id", "owner_user_id", "job_type"},
                    {"due_date", "number", "title", "status", "client", "updated_at"},
                    [&service](const auth::Principal& c, const ListQuery& q) { return service.ListJobs(c, q); },
                    [](const JobView& v) { return ToJson(v); },
                    [](const JobView& v) { return v.job.id; },
                    {"number", "client", "title", "type", "owner", "status", "due_date", "budget", "actual", "alerts"},
                    [](const JobView& v) {
                      return std::vector<std::string>{v.job.number, v.job.client_name, v.job.title, v.job.job_type,
                                                      v.job.owner_name, JobStatusName(v.job.status),
                                                      DateText(v.job.due_date), v.budget.amount.amount().ToString(),
                                                      v.actual.amount().ToString(), AlertCodes(v)};
                    },
                    &service.exports});

  router.Add("POST", kBase + "/jobs",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const JobView v = TRY(service.OpenJob(caller, TRY(JobInputFrom(ctx.request)), ctx.request.request_id));
               Response response = api::WithETag(Response::Json(ToJson(v), 201), v.job.version);
               response.headers["Location"] = kBase + "/jobs/" + std::to_string(v.job.id);
               return response;
             }),
             {"Open a job (numbered from the configured pattern)", "agency", true, Ref("AgencyJobInput"),
              Ref("AgencyJob"), {}, 201});

  router.Add("GET", kBase + "/jobs/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const JobView v = TRY(service.GetJob(caller, TRY(api::PathId(ctx))));
               return api::WithETag(Response::Json(ToJson(v)), v.job.version);
             }),
             {"One job with its budget, actual and alerts", "agency", true, nullptr, Ref("AgencyJob")});

  router.Add("PATCH", kBase + "/jobs/{id}",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const JobInput in = TRY(JobInputFrom(ctx.request));
               const JobView v = TRY(service.UpdateJob(caller, id, version, in, ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(v)), v.job.version);
             }),
             {"Change a job (If-Match required)", "agency", true, Ref("AgencyJobInput"), Ref("AgencyJob")});

  router.Add("POST", kBase + "/jobs/{id}/status",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               const std::string name = f.String("status").value_or("");
               TRY(f.Finish("The status change"));
               const JobStatus to = TRY(ParseJobStatus(name));
               const JobView v = TRY(service.ChangeJobStatus(caller, id, version, to, ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(v)), v.job.version);
             }),
             {"Move a job to another status (the transition table decides; If-Match required)", "agency", true,
              {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}}, Ref("AgencyJob")});

  router.Add("GET", kBase + "/home",
             Handle(Permission::kAgencyRead, [&service](Context&, const auth::Principal& caller) -> Result<Response> {
               // Today's work: jobs with alerts, estimates awaiting the client, late time this fortnight.
               const Date today = service.Today();
               ListQuery open;
               open.limit = 500;
               nlohmann::json due = nlohmann::json::array(), without = nlohmann::json::array();
               for (const auto& v : TRY(service.ListJobs(caller, open)).first) {
                 for (const auto& a : v.alerts) {
                   if (a.code == "job.due_soon" || a.code == "job.overdue" || a.code == "job.over_budget") {
                     due.push_back(ToJson(v));
                     break;
                   }
                 }
               }
               for (const auto& v : TRY(service.JobsWithoutApprovedLoe(caller))) without.push_back(ToJson(v));
               ListQuery sent;
               sent.filters = {{"status", "sent"}};
               sent.limit = 500;
               nlohmann::json awaiting = nlohmann::json::array();
               for (const auto& e : TRY(service.ListEstimates(caller, sent)).first) awaiting.push_back(ToJson(e));
               ListQuery late;
               late.filters = {{"late", "1"}};
               late.sort = "work_date";
               late.descending = true;
               late.limit = 50;
               nlohmann::json late_time = nlohmann::json::array();
               for (const auto& t : TRY(service.ListTime(caller, late)).first) {
                 if (t.entry.work_date >= today.AddDays(-14)) late_time.push_back(ToJson(t));
               }
               return Response::Json({{"today", today.ToString()},
                                      {"jobs_needing_attention", due},
                                      {"estimates_awaiting_approval", awaiting},
                                      {"late_time", late_time},
                                      {"jobs_without_approved_loe", without}});
             }),
             {"The coordinator's home: jobs due or over budget, estimates awaiting approval, late time, jobs "
              "without an approved LOE",
              "agency", true, nullptr, Ref("AgencyHome")});
}

}  // namespace concord::agency::routes
