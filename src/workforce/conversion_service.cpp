// A contractor's assignment continues as employment (conversion.h): WorkforceService::ConvertToEmployee and
// the timecard gate on the converted period.
#include "store/time.h"
#include "workforce/checklist_json.h"
#include "workforce/conversion.h"
#include "workforce/holidays.h"
#include "workforce/service.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<Date> RequiredDate(const json& body, const std::string& field) {
  auto date = Date::Parse(Text(body, field));
  if (!date.ok()) {
    return InvalidInput({{field, "field.date", "Enter " + field + " as YYYY-MM-DD."}}, "The conversion");
  }
  return *date;
}

}  // namespace

Status AssignmentConversionGate(const json& assignment, Date week_start) {
  const json& conversion = assignment.contains("conversion") ? assignment["conversion"] : json();
  if (!conversion.is_object()) return {};
  auto effective = Date::Parse(conversion.value("effective_date", ""));
  if (!effective.ok()) return {};
  return ConversionTimecardGate(*effective, week_start, MissingTitles(ChecklistFromJson(assignment["checklist"])));
}

Status WorkforceService::CloseTask(store::Connection& c, const auth::Principal& caller, const json& task_id,
                                   const std::string& outcome, const std::string& request_id) {
  if (!task_id.is_number_integer()) return {};
  const json before = TRY(LoadRecord(c, TaskTable(), SystemPrincipal(), task_id.get<int64_t>()));
  if (before.value("status", "") != "open") return {};
  json done = before;
  done["status"] = "done";
  done["detail"] = before.value("detail", "") + " " + outcome;
  TRY(Save(c, TaskTable(), caller, before, done, before["version"].get<int64_t>(), "complete", request_id));
  return {};
}

Result<json> WorkforceService::ConvertToEmployee(const auth::Principal& caller, int64_t id, int64_t version,
                                                 const json& body, const std::string& request_id) {
  const Date effective = TRY(RequiredDate(body, "effective_date"));
  const ConversionReason reason = TRY(ParseConversionReason(Text(body, "reason")));
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, AssignmentTable(), caller, id));
    if (before["version"].get<int64_t>() != version) {
      return Error{ErrorKind::kPreconditionFailed, "assignment.stale",
                   "Someone else saved this assignment since you opened it. Reload to see their changes.", {}};
    }
    ConversionFacts facts;
    facts.worker_type = WorkerTypeOf(before);
    facts.status = TRY(ParseAssignmentStatus(Text(before, "status")));
    facts.start_date = TRY(RequiredDate(before, "start_date"));
    if (auto end = Date::Parse(Text(before, "end_date")); end.ok()) facts.end_date = *end;
    facts.effective_date = effective;
    facts.reason = reason;
    facts.note = Text(body, "note");
    auto latest = TRY(c.Query("SELECT id, risk FROM wf_determinations WHERE assignment_id = ? ORDER BY id DESC LIMIT 1",
                              {id}));
    if (!latest.empty()) facts.latest_risk = latest.front().Text(1);
    auto billed = TRY(c.Query("SELECT MAX(week_start) FROM wf_timecards WHERE assignment_id = ? AND status IN "
                              "('submitted', 'approved')",
                              {id}));
    if (!billed.empty() && billed.front().OptText(0)) {
      facts.time_locked_through = Date::Parse(*billed.front().OptText(0)).value().AddDays(6);
    }
    TRY(CheckConversion(facts));

    const json programme =
        TRY(LoadRecord(c, ProgrammeTable(), SystemPrincipal(), before["programme_id"].get<int64_t>()));
    OnboardingProfile employee{WorkerType::kW2Employee, Text(before, "work_country"), Text(before, "work_state"),
                               effective, programme.value("background_check_required", false), false};
    const Checklist checklist =
        TRY(ConversionChecklist(employee, ChecklistFromJson(before["checklist"]), FederalBusinessCalendar(effective.year())));

    // The escalation it answers: a pending approval is superseded, the open re-check task closed.
    const std::string outcome = "Closed: converted to a W-2 employee from " + effective.ToString() + " (" +
                                std::string(ToString(reason)) + (facts.note.empty() ? "" : ": " + facts.note) + ").";
    for (const auto& row : TRY(c.Query(
             "SELECT id FROM wf_determinations WHERE assignment_id = ? AND status = 'pending_approval'", {id}))) {
      const json d_before = TRY(LoadRecord(c, DeterminationTable(), SystemPrincipal(), row.Int(0)));
      json d_after = d_before;
      d_after["status"] = "superseded";
      d_after["approval_note"] = outcome;
      TRY(Save(c, DeterminationTable(), caller, d_before, d_after, d_before["version"].get<int64_t>(), "supersede",
               request_id));
    }
    if (before["classification_recheck"].is_object()) {
      TRY(CloseTask(c, caller, before["classification_recheck"]["task_id"], outcome, request_id));
    }

    json after = before;
    after["worker_type"] = "w2_employee";
    after["checklist"] = ChecklistJson(checklist);
    after["classification_recheck"] = nullptr;
    after["vms_update_pending"] = true;
    after["conversion"] = {{"effective_date", effective.ToString()},
                           {"from_type", Text(before, "worker_type")},
                           {"to_type", "w2_employee"},
                           {"reason", std::string(ToString(reason))},
                           {"note", facts.note},
                           {"determination_id", latest.empty() ? json(nullptr) : json(latest.front().Int(0))},
                           {"risk", facts.latest_risk ? json(*facts.latest_risk) : json(nullptr)},
                           {"decided_by", caller.name},
                           {"decided_at", store::NowText()}};
    json saved = TRY(Save(c, AssignmentTable(), caller, before, after, version, "convert", request_id));
    TRY(AddRevision(c, caller, saved, "convert", effective.ToString()));

    // The worker's type is effective-dated: the history keeps what they were before.
    const json w_before = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), before["worker_id"].get<int64_t>()));
    json w_after = w_before;
    json history = w_before["type_history"].is_array() ? w_before["type_history"] : json::array();
    if (history.empty()) {
      history.push_back({{"effective_from", Text(before, "start_date")},
                         {"worker_type", Text(w_before, "worker_type")},
                         {"assignment_id", id},
                         {"reason", "engaged"}});
    }
    history.push_back({{"effective_from", effective.ToString()},
                       {"worker_type", "w2_employee"},
                       {"assignment_id", id},
                       {"reason", std::string(ToString(reason))}});
    w_after["type_history"] = history;
    w_after["worker_type"] = "w2_employee";
    TRY(Save(c, WorkerTable(), caller, w_before, w_after, w_before["version"].get<int64_t>(), "convert", request_id));

    TRY(MessageWorker(c, caller, saved, saved, w_after, "conversion", {{"effective_date", effective.ToString()}},
                      request_id));
    return saved;
  });
}

}  // namespace concord::workforce
