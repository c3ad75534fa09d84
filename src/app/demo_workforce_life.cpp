// The workforce demo's life-cycle additions (docs/WORKFORCE.md): a contractor converted to a W-2 employee
// whose employee checklist is still open, an end given with less notice than the programme asks, and SOW
// deliverables of contractors' engagements (accepted, waiting for the client, overdue, milestones ahead).
#include "app/demo_workforce.h"

#include <optional>

#include "workforce/timecard.h"

namespace concord::app {

using nlohmann::json;

Status AddWorkforceLifeDemo(workforce::WorkforceService& s, const auth::Principal& admin,
                            const std::vector<json>& active, Date today) {
  // The first active 1099 contractor working in the US converts from next Monday (after the time billed).
  const Date next_monday = workforce::WeekStart(today).AddDays(7);
  std::optional<int64_t> converted_id;
  for (const auto& a : active) {
    if (a["status"] != "active" || a["worker_type"] != "contractor_1099" ||
        a.value("end_date", "") < next_monday.ToString()) {
      continue;
    }
    json converted = TRY(s.ConvertToEmployee(
        admin, a["id"].get<int64_t>(), a["version"].get<int64_t>(),
        {{"effective_date", next_monday.ToString()},
         {"reason", "coordinator_decision"},
         {"note", "The client's manager directs the work day to day; agreed with the client to employ through the EOR."}},
        "demo"));
    TRY(s.AddDocument(admin, converted["id"].get<int64_t>(), "w4", "w4.pdf", "application/pdf",
                      "%PDF-1.4 demo W-4 after the conversion", "demo"));
    converted_id = converted["id"].get<int64_t>();
    break;
  }
  // Deliverables of the next six contractors' statements of work.
  int engagements = 0;
  for (const auto& a : active) {
    if (engagements == 6) break;
    if (a["worker_type"] == "w2_employee" || a["status"] != "active" ||
        (converted_id && a["id"].get<int64_t>() == *converted_id)) {
      continue;
    }
    ++engagements;
    const int64_t id = a["id"].get<int64_t>();
    auto add = [&](const std::string& title, Date due, const std::string& amount) -> Result<json> {
      json input = {{"assignment_id", id}, {"title", title}, {"due_date", due.ToString()}};
      if (!amount.empty()) input["amount"] = amount;
      return s.CreateDeliverable(admin, input, "demo");
    };
    auto step = [&](const json& d, const std::string& action) -> Result<json> {
      return s.DecideDeliverable(admin, d["id"].get<int64_t>(), d["version"].get<int64_t>(), action, "", "demo");
    };
    json kickoff = TRY(add("Discovery and project plan", today.AddDays(-21), "1500.00"));
    kickoff = TRY(step(kickoff, "submit"));
    TRY(step(kickoff, "accept"));
    TRY(step(TRY(add("First milestone: working prototype", today.AddDays(-2), "4000.00")), "submit"));
    if (engagements % 2) TRY(add("Status report", today.AddDays(-4), ""));  // overdue
    TRY(add("Final handover and documentation", today.AddDays(30), "2500.00"));
  }
  // The first programme asks for ten business days' notice; the client ends one assignment in five.
  if (active.empty()) return {};
  const int64_t programme_id = active.front()["programme_id"].get<int64_t>();
  const json programme = TRY(s.Get(admin, workforce::ProgrammeTable(), programme_id));
  TRY(s.UpdateProgramme(admin, programme_id, programme["version"].get<int64_t>(),
                        {{"minimum_notice_days", 10}, {"notice_day_kind", "business"}}, "demo"));
  for (const auto& a : active) {
    if (a["programme_id"] != programme_id || a["status"] != "active" || a.value("worker_type", "") != "w2_employee") {
      continue;
    }
    const json now = TRY(s.Get(admin, workforce::AssignmentTable(), a["id"].get<int64_t>()));
    TRY(s.ApplyEvent(admin, a["id"].get<int64_t>(), now["version"].get<int64_t>(),
                     {{"event", "give_notice"}, {"end_reason", "client_ended"}, {"end_date", today.AddDays(5).ToString()},
                      {"notice_given_on", today.ToString()}},
                     "demo"));
    break;
  }
  return {};
}

}  // namespace concord::app
