#include "workforce/deliverable.h"

#include <array>

namespace concord::workforce {
namespace {

struct Step {
  std::string_view from, action, to;
};
constexpr std::array<Step, 4> kSteps = {{{"pending", "submit", "submitted"},
                                         {"rejected", "submit", "submitted"},
                                         {"submitted", "accept", "accepted"},
                                         {"submitted", "reject", "rejected"}}};

}  // namespace

Result<std::string> NextDeliverableStatus(std::string_view status, std::string_view action, std::string_view reason) {
  if (action != "submit" && action != "accept" && action != "reject") {
    return Error::BadRequest("deliverable.bad_action", "The action is submit, accept or reject.");
  }
  for (const Step& step : kSteps) {
    if (step.from != status || step.action != action) continue;
    if (action == "reject" && reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Error::Invalid("deliverable.reason_required", "Say why the deliverable is rejected.",
                            {{"reason", "field.required", "Say why the deliverable is rejected."}});
    }
    return std::string(step.to);
  }
  return Error::Conflict("deliverable.invalid_transition",
                         "The " + std::string(status) + " deliverable cannot be " +
                             (action == "submit" ? "submitted" : action == "accept" ? "accepted" : "rejected") + ".");
}

bool DeliverableOverdue(std::string_view status, Date due_date, Date today) {
  return (status == "pending" || status == "rejected") && due_date < today;
}

Status DeliverablesAllowed(WorkerType worker_type) {
  if (worker_type == WorkerType::kW2Employee) {
    return Error::Conflict("deliverable.not_contractor",
                           "Deliverables belong to a contractor's statement of work; this is a W-2 employment.");
  }
  return {};
}

}  // namespace concord::workforce
