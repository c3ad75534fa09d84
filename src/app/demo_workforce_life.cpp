// The workforce demo's life-cycle additions (docs/WORKFORCE.md): a contractor converted to a W-2 employee
// whose employee checklist is still open.
#include "app/demo_workforce.h"

#include "workforce/timecard.h"

namespace concord::app {

using nlohmann::json;

Status AddWorkforceLifeDemo(workforce::WorkforceService& s, const auth::Principal& admin,
                            const std::vector<json>& active, Date today) {
  // The first active 1099 contractor working in the US converts from next Monday (after the time billed).
  const Date next_monday = workforce::WeekStart(today).AddDays(7);
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
    break;
  }
  return {};
}

}  // namespace concord::app
