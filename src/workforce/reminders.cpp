#include "workforce/reminders.h"

#include "core/text_template.h"
#include "jobs/schedules.h"
#include "workforce/timecard.h"

namespace concord::workforce {
namespace {

std::string Str(const json& row, const std::string& field) {
  const auto it = row.find(field);
  if (it == row.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// The rows a report asks reminders for, each with the values its template needs.
Result<std::vector<json>> RowsOf(WorkforceService& service, const auth::Principal& caller, const std::string& report,
                                 Date today, std::optional<Date> chosen) {
  std::vector<json> rows;
  if (report == "missing-timecards") {
    const Date week = TRY(ReminderWeek(today, chosen));
    for (auto a : TRY(service.MissingTimecards(caller, week))) {
      a["assignment_id"] = a["id"];
      a["assignment_title"] = a["title"];
      a["week_start"] = week.ToString();
      rows.push_back(std::move(a));
    }
  } else if (report == "pending-approvals") {
    // Held in a name: a range-for over a member of a temporary would read freed memory.
    const json pending = TRY(service.PendingApprovals(caller, today));
    for (const auto& t : pending["items"]) rows.push_back(t);
  } else if (report == "rejected") {
    for (auto r : TRY(service.Rejected(caller))) {
      r["what"] = Str(r, "kind") == "timecard" ? "timecard for the week of " + Str(r, "week_start")
                                               : "expense of " + Str(r, "amount") + " on " + Str(r, "spent_on");
      r["reason"] = r["reject_reason"];
      rows.push_back(std::move(r));
    }
  } else {
    return Error::NotFound("reminders.unknown_report", "No report " + report + ".");
  }
  return rows;
}

}  // namespace

const json& ReminderTemplates() {
  static const json templates = {
      {"missing-timecards",
       {{"subject", "Reminder: timecard for the week of {{week_start}}"},
        {"body",
         "Hello {{worker_name}}, we have no submitted timecard for your assignment {{assignment_title}} at "
         "{{client_name}} for the week of {{week_start}}. Please enter and submit it in the portal today."}}},
      {"pending-approvals",
       {{"subject", "Reminder to approve: timecard for the week of {{week_start}}"},
        {"body",
         "Hello {{manager_name}}, {{worker_name}}'s timecard for the week of {{week_start}} ({{assignment_title}}) "
         "has waited {{age_days}} days for your approval. Please approve or reject it in the portal."}}},
      {"rejected",
       {{"subject", "Rejected: your {{what}}"},
        {"body",
         "Hello {{worker_name}}, your {{what}} at {{client_name}} was rejected: {{reason}}. Please correct it and "
         "submit it again; reply to this message if you need help."}}},
  };
  return templates;
}

Result<ReminderRun> SendReminders(WorkforceService& service, const auth::Principal& caller, const std::string& report,
                                  Date today, std::optional<Date> week, const std::string& request_id) {
  ReminderRun run{report, WeekStart(today).ToString()};
  const auto rows = TRY(RowsOf(service, caller, report, today, week));
  const json& tmpl = ReminderTemplates()[report];
  for (const json& row : rows) {
    TemplateValues values;
    for (const char* name : {"worker_name", "client_name", "assignment_title", "manager_name", "week_start",
                             "age_days", "what", "reason"}) {
      values[name] = Str(row, name);
    }
    // The week the reminder is sent in makes it unique: the same record is reminded once a week.
    const std::string subject =
        TRY(FillTemplate(tmpl["subject"].get<std::string>(), values)) + " (sent the week of " + run.week_of + ")";
    const int64_t worker_id = row["worker_id"].get<int64_t>();
    ListRequest already;
    already.equals = {{"worker_id", std::to_string(worker_id)}, {"subject", subject}};
    if (!TRY(service.All(caller, TimelineTable(), already)).empty()) {
      ++run.already_sent;
      continue;
    }
    json entry = {{"kind", "message"},
                  {"direction", "outbound"},
                  {"subject", subject},
                  {"body", TRY(FillTemplate(tmpl["body"].get<std::string>(), values))}};
    if (row.contains("assignment_id") && row["assignment_id"].is_number_integer())
      entry["assignment_id"] = row["assignment_id"];
    TRY(service.AddTimelineEntry(caller, worker_id, entry, request_id));
    ++run.sent;
  }
  return run;
}

void RegisterReminderJob(jobs::Registry& registry, WorkforceService& service) {
  registry.Register(kReminderJob, [&service](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    Date today = TodayUtc();
    if (job.payload.contains("today")) today = TRY(Date::Parse(job.payload["today"].get<std::string>()));
    json runs = json::array();
    int64_t done = 0;
    for (const char* report : kReminderReports) {
      const ReminderRun run =
          TRY(SendReminders(service, SystemPrincipal(), report, today, std::nullopt, "job:" + std::to_string(job.id)));
      runs.push_back({{"report", run.report}, {"week_of", run.week_of}, {"sent", run.sent},
                      {"already_sent", run.already_sent}});
      progress.Update(++done, std::size(kReminderReports), run.report);
    }
    return jobs::Outcome{{{"reminders", runs}}, std::nullopt};
  });
}

Status ScheduleWeeklyReminders(store::Database& db, std::chrono::sys_seconds now) {
  return db.TransactStatus([&](store::Connection& conn) -> Status {
    return jobs::PutSchedule(conn, kReminderJob, "0 7 * * 1", kReminderJob, json::object(), now);
  });
}

}  // namespace concord::workforce
