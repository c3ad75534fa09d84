// The coordinator's alerts (audits.h): the notice an end was given against the programme's minimum
// (notice.h), and what the latest VMS export says of each work order (its status), for the audit findings.
#include "audit/audit.h"
#include "store/time.h"
#include "workforce/holidays.h"
#include "workforce/notice.h"
#include "workforce/service.h"
#include "workforce/vms_mapping.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Status WorkforceService::CheckEndNotice(store::Connection& c, const json& body, json& after, bool at_end) {
  const json programme = TRY(LoadRecord(c, ProgrammeTable(), SystemPrincipal(), after["programme_id"].get<int64_t>()));
  if (!programme["minimum_notice_days"].is_number_integer()) return {};
  if (at_end && !after["notice"].is_object()) return {};  // the notice was not counted when it was given
  NoticePolicy policy{static_cast<int>(programme["minimum_notice_days"].get<int64_t>()),
                      TRY(ParseNoticeDayKind(Text(programme, "notice_day_kind").empty()
                                                 ? "business"
                                                 : Text(programme, "notice_day_kind")))};
  // The notice is given when the end is scheduled (today unless the request says when); the end keeps it.
  std::string given = at_end ? Text(after["notice"], "given_on") : Text(body, "notice_given_on");
  if (given.empty()) given = TodayUtc().ToString();
  auto given_on = Date::Parse(given);
  if (!given_on.ok()) {
    return InvalidInput({{"notice_given_on", "field.date", "'" + given + "' is not a date (YYYY-MM-DD)."}},
                        "The notice");
  }
  auto last_day = Date::Parse(Text(after, at_end ? "last_day_worked" : "end_date"));
  if (!last_day.ok()) return {};  // no planned last day yet: nothing to count
  const NoticeCheck check = CheckNotice(*given_on, *last_day, policy, FederalBusinessCalendar(given_on->year()));
  after["notice"] = {{"given_on", check.given_on.ToString()}, {"last_day", check.last_day.ToString()},
                     {"days", check.days},                    {"minimum_days", check.minimum_days},
                     {"day_kind", std::string(ToString(check.kind))}, {"short", check.short_notice},
                     {"reason", check.reason}};
  return {};
}

Status WorkforceService::RecordVmsWorkOrders(store::Connection& c, const auth::Principal& caller,
                                             const json& programme, const std::string& vms_export,
                                             const std::string& file_name, const std::string& request_id) {
  // An export the PSR reader refuses is still audited by the reconciliation run; its statuses are not kept.
  auto rows = ParseVmsExport(vms_export, file_name, VmsFieldMapping(Text(programme, "vms"), programme["field_mapping"]));
  if (!rows.ok()) return {};
  const int64_t programme_id = programme["id"].get<int64_t>();
  const std::string now = store::NowText();
  TRY(c.Execute("DELETE FROM wf_vms_work_orders WHERE programme_id = ?", {programme_id}));
  int closed = 0;
  for (const auto& row : *rows) {
    const std::string status = Text(row.psr, "vms_status"), end = Text(row.psr, "end_date");
    closed += VmsStatusIsEnded(status) ? 1 : 0;
    TRY(c.Execute("INSERT INTO wf_vms_work_orders (programme_id, client_id, vms_work_order_id, vms_status, "
                  "vms_end_date, file_name, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {programme_id, programme["client_id"].get<int64_t>(), Text(row.psr, "vms_work_order_id"),
                   status.empty() ? store::Null() : store::Value(status), end.empty() ? store::Null() : store::Value(end),
                   file_name, now}));
  }
  TRY(audit::Append(c, caller.Actor(request_id),
                    {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                     "vms_work_orders", nullptr,
                     {{"file_name", file_name}, {"work_orders", rows->size()}, {"closed", closed}}}));
  return {};
}

Status AddAlertFacts(store::Connection& c, const json& assignment, AssignmentSnapshot& snapshot) {
  const json& notice = assignment.contains("notice") ? assignment["notice"] : json();
  if (notice.is_object() && notice.value("short", false)) snapshot.short_notice = notice.value("reason", "");
  if (Text(assignment, "vms_work_order_id").empty()) return {};
  auto seen = TRY(c.Query("SELECT vms_status, vms_end_date FROM wf_vms_work_orders WHERE programme_id = ? AND "
                          "vms_work_order_id = ?",
                          {assignment["programme_id"].get<int64_t>(), Text(assignment, "vms_work_order_id")}));
  if (seen.empty()) return {};
  // In the latest export: its status, and its end date for audit.vms_end_date_mismatch.
  snapshot.in_vms = true;
  if (seen.front().OptText(0)) snapshot.vms_status = *seen.front().OptText(0);
  if (auto end = Date::Parse(seen.front().OptText(1).value_or("")); end.ok()) snapshot.vms_end_date = *end;
  return {};
}

json HomeAlerts(const std::vector<AuditFinding>& findings) {
  json items = json::array();
  for (const auto& f : findings) {
    if (IsAlert(f.code)) items.push_back({{"assignment_id", std::stoll(f.assignment_id)}, {"code", f.code}, {"reason", f.reason}});
  }
  return {{"count", items.size()}, {"items", items}};
}

}  // namespace concord::workforce
