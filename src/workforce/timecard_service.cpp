// Timecards, expenses and their reports (WorkforceService).
#include <map>

#include "audit/audit.h"
#include "store/time.h"
#include "workforce/service.h"
#include "crypto/crypto.h"
#include "workforce/timecard.h"
#include "workforce/timecard_import.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

// Statuses in which an assignment is worked (time may be entered).
bool Worked(const std::string& status) { return status == "active" || status == "ending" || status == "ended"; }

}  // namespace

Result<json> WorkforceService::SaveTimecard(const auth::Principal& caller, int64_t assignment_id,
                                            const std::string& week_start_text, const json& hours,
                                            const std::string& request_id) {
  auto week_start = Date::Parse(week_start_text);
  if (!week_start.ok() || WeekStart(*week_start) != *week_start) {
    return InvalidInput({{"week_start", "timecard.week_start", "The week starts on a Monday (YYYY-MM-DD)."}},
                        "The timecard");
  }
  const WeekHours week = TRY(ParseWeekHours(hours));
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json assignment = TRY(LoadRecord(c, AssignmentTable(), caller, assignment_id));
    const std::string first = week_start->ToString(), last = week_start->AddDays(6).ToString();
    if (!Worked(Text(assignment, "status")) || Text(assignment, "start_date") > last ||
        (!Text(assignment, "end_date").empty() && Text(assignment, "end_date") < first)) {
      return Error::Conflict("timecard.not_worked",
                             "The assignment is not active in the week of " + first + " (it is " +
                                 Text(assignment, "status") + ", " + Text(assignment, "start_date") + " to " +
                                 (Text(assignment, "end_date").empty() ? "open" : Text(assignment, "end_date")) + ").");
    }
    TRY(AssignmentConversionGate(assignment, *week_start));
    auto existing = TRY(c.Query("SELECT id FROM wf_timecards WHERE assignment_id = ? AND week_start = ?",
                                {assignment_id, first}));
    if (existing.empty()) {
      json timecard = {{"client_id", assignment["client_id"]}, {"assignment_id", assignment_id},
                       {"worker_id", assignment["worker_id"]}, {"hours", week.hours},
                       {"week_start", first},                  {"total_hours", week.total.Rescale(2).ToString()},
                       {"status", "draft"},                    {"manager_name", assignment["manager_name"]}};
      return Insert(c, TimecardTable(), caller, timecard, request_id);
    }
    const json before = TRY(LoadRecord(c, TimecardTable(), SystemPrincipal(), existing.front().Int(0)));
    if (Text(before, "status") != "draft" && Text(before, "status") != "rejected") {
      return Error::Conflict("timecard.locked", "This week's timecard is " + Text(before, "status") +
                                                    "; it can no longer be changed.");
    }
    json after = before;
    after["hours"] = week.hours;
    after["total_hours"] = week.total.Rescale(2).ToString();
    return Save(c, TimecardTable(), caller, before, after, before["version"].get<int64_t>(), "update", request_id);
  });
}

Result<json> WorkforceService::DecideTimecard(const auth::Principal& caller, int64_t id, int64_t version,
                                              const std::string& action, const std::string& reason,
                                              const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, TimecardTable(), caller, id));
    const std::string next = TRY(NextTimecardStatus(Text(before, "status"), action, reason));
    json after = before;
    after["status"] = next;
    if (action == "submit") {
      after["submitted_at"] = store::NowText();
      after["reject_reason"] = nullptr;
    } else {
      after["decided_at"] = store::NowText();
      after["decided_by"] = caller.name;
      after["reject_reason"] = action == "reject" ? json(reason) : json(nullptr);
    }
    return Save(c, TimecardTable(), caller, before, after, version, action, request_id);
  });
}

Result<TimecardImportReport> WorkforceService::ImportTimecards(const auth::Principal& caller, int64_t programme_id,
                                                               const std::string& csv, const std::string& file_name,
                                                               const std::string& request_id) {
  TimecardImportReport report;
  const std::string sha = crypto::Sha256Hex(csv);
  TRY(db_.TransactStatus([&](store::Connection& c) -> Status {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    const auto weeks = TRY(ParseTimecardExport(
        csv, file_name, TimecardFieldMapping(Text(programme, "vms"), programme["field_mapping"])));
    std::vector<FieldError> errors;
    for (const ImportedWeek& week : weeks) {
      const std::string line = file_name + ", line " + std::to_string(week.first_line);
      const auto found = TRY(c.Query("SELECT id FROM wf_assignments WHERE programme_id = ? AND vms_work_order_id = ?",
                                     {programme_id, week.work_order}));
      if (found.empty()) {
        errors.push_back({line, "timecard_import.unknown_work_order",
                          "No assignment of this programme has work order " + week.work_order + "."});
        continue;
      }
      const int64_t assignment_id = found.front().Int(0);
      const json assignment = TRY(LoadRecord(c, AssignmentTable(), SystemPrincipal(), assignment_id));
      const std::string last = Date::Parse(week.week_start)->AddDays(6).ToString();
      if (!Worked(Text(assignment, "status")) || Text(assignment, "start_date") > last ||
          (!Text(assignment, "end_date").empty() && Text(assignment, "end_date") < week.week_start)) {
        errors.push_back({line, "timecard_import.not_worked",
                          "Work order " + week.work_order + " is not active in the week of " + week.week_start + "."});
        continue;
      }
      auto hours = ParseWeekHours(week.hours);
      if (!hours.ok()) {
        errors.push_back({line, "timecard_import.bad_week", hours.error().message});
        continue;
      }
      json timecard = {{"hours", hours->hours}, {"total_hours", hours->total.Rescale(2).ToString()},
                       {"status", week.status}};
      if (week.status != "draft") timecard["submitted_at"] = store::NowText();
      if (week.status == "approved") {
        timecard["decided_at"] = store::NowText();
        timecard["decided_by"] = "VMS (" + Text(programme, "vms") + ")";
      }
      const auto existing = TRY(c.Query("SELECT id FROM wf_timecards WHERE assignment_id = ? AND week_start = ?",
                                        {assignment_id, week.week_start}));
      if (existing.empty()) {
        for (const char* field : {"client_id", "worker_id", "manager_name"}) timecard[field] = assignment[field];
        timecard["assignment_id"] = assignment_id;
        timecard["week_start"] = week.week_start;
        TRY(Insert(c, TimecardTable(), caller, timecard, request_id));
        ++report.created;
        continue;
      }
      const json before = TRY(LoadRecord(c, TimecardTable(), SystemPrincipal(), existing.front().Int(0)));
      if (before["hours"] == timecard["hours"] && before["status"] == timecard["status"]) {
        ++report.unchanged;
        continue;
      }
      if (Text(before, "status") == "approved") {
        errors.push_back({line, "timecard_import.locked",
                          "Work order " + week.work_order + "'s week of " + week.week_start +
                              " is already approved in concord with other hours or status."});
        continue;
      }
      json after = before;
      after.update(timecard);
      TRY(Save(c, TimecardTable(), caller, before, after, before["version"].get<int64_t>(), "import", request_id));
      ++report.updated;
    }
    if (!errors.empty()) {
      return Error::Invalid("timecard_import.invalid",
                            file_name + " has " + std::to_string(errors.size()) + " problem(s); nothing was imported.",
                            std::move(errors));
    }
    return audit::Append(c, caller.Actor(request_id),
                         {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                          "import_timecards", nullptr,
                          {{"file_name", file_name}, {"sha256", sha}, {"created", report.created},
                           {"updated", report.updated}, {"unchanged", report.unchanged}}});
  }));
  return report;
}

Result<json> WorkforceService::CreateExpense(const auth::Principal& caller, const json& input,
                                             const std::string& request_id) {
  if (auto errors = ValidateInput(ExpenseInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The expense");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json assignment = TRY(LoadRecord(c, AssignmentTable(), caller, input["assignment_id"].get<int64_t>()));
    if (!Worked(Text(assignment, "status"))) {
      return Error::Conflict("expense.not_worked", "Expenses belong to an active or ended assignment.");
    }
    json expense = {{"client_id", assignment["client_id"]}, {"worker_id", assignment["worker_id"]},
                    {"currency", assignment["currency"]},   {"status", "submitted"},
                    {"submitted_at", store::NowText()},     {"manager_name", assignment["manager_name"]}};
    ApplyInput(ExpenseInput(), input, expense);
    return Insert(c, ExpenseTable(), caller, expense, request_id);
  });
}

Result<json> WorkforceService::DecideExpense(const auth::Principal& caller, int64_t id, int64_t version,
                                             const std::string& action, const std::string& reason,
                                             const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, ExpenseTable(), caller, id));
    const std::string next = TRY(NextTimecardStatus(Text(before, "status"), action, reason));
    json after = before;
    after["status"] = next;
    after["decided_at"] = store::NowText();
    after["decided_by"] = caller.name;
    after["reject_reason"] = action == "reject" ? json(reason) : json(nullptr);
    if (action == "submit") after["submitted_at"] = store::NowText();
    return Save(c, ExpenseTable(), caller, before, after, version, action, request_id);
  });
}

Result<std::vector<json>> WorkforceService::MissingTimecards(const auth::Principal& caller, Date week_start) {
  const std::string first = WeekStart(week_start).ToString(), last = WeekStart(week_start).AddDays(6).ToString();
  ListRequest request;
  request.sort = "worker_name";
  request.where =
      " AND t.status IN ('active', 'ending', 'ended') AND t.start_date <= ? AND (t.end_date IS NULL OR t.end_date = '' "
      "OR t.end_date >= ?) AND NOT EXISTS (SELECT 1 FROM wf_timecards tc WHERE tc.assignment_id = t.id AND "
      "tc.week_start = ? AND tc.status IN ('submitted', 'approved'))";
  request.params = {last, first, first};
  auto rows = TRY(All(caller, AssignmentTable(), request));
  std::vector<json> out;
  auto conn = TRY(db_.Acquire());
  for (const auto& a : rows) {
    auto draft = TRY(conn->Query("SELECT status FROM wf_timecards WHERE assignment_id = ? AND week_start = ?",
                                 {a["id"].get<int64_t>(), first}));
    out.push_back({{"assignment_id", a["id"]},         {"worker_id", a["worker_id"]},
                   {"worker_name", a["worker_name"]},  {"client_id", a["client_id"]},
                   {"client_name", a["client_name"]},  {"title", a["title"]},
                   {"manager_name", a["manager_name"]}, {"week_start", first},
                   {"timecard_status", draft.empty() ? "none" : draft.front().Text(0)}});
  }
  return out;
}

Result<json> WorkforceService::PendingApprovals(const auth::Principal& caller, Date today) {
  ListRequest request;
  request.equals = {{"status", "submitted"}};
  request.sort = "submitted_at";
  auto rows = TRY(All(caller, TimecardTable(), request));
  std::map<std::string, std::pair<int, int>> by_manager;  // manager → (count, oldest age)
  json items = json::array();
  for (auto& t : rows) {
    const auto submitted = Instant::Parse(Text(t, "submitted_at"));
    const int age = submitted.ok() ? static_cast<int>((today.sys_days() - submitted->UtcDate().sys_days()).count()) : 0;
    t["age_days"] = age;
    auto& [count, oldest] = by_manager[Text(t, "manager_name")];
    ++count;
    oldest = std::max(oldest, age);
    items.push_back(t);
  }
  json managers = json::array();
  for (const auto& [manager, stats] : by_manager) {
    managers.push_back({{"manager_name", manager}, {"count", stats.first}, {"oldest_days", stats.second}});
  }
  return json{{"items", items}, {"by_manager", managers}};
}

Result<std::vector<json>> WorkforceService::Rejected(const auth::Principal& caller) {
  ListRequest request;
  request.equals = {{"status", "rejected"}};
  std::vector<json> out;
  for (auto t : TRY(All(caller, TimecardTable(), request))) {
    t["kind"] = "timecard";
    out.push_back(std::move(t));
  }
  for (auto e : TRY(All(caller, ExpenseTable(), request))) {
    e["kind"] = "expense";
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace concord::workforce
