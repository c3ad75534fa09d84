#include "workforce/classification_recheck.h"

namespace concord::workforce {
namespace {

constexpr const char* kPermanency = "IRS Pub. 15-A ch. 2, type of relationship: permanency; Rev. Rul. 87-41 factor 6";
constexpr const char* kInstructions =
    "IRS Pub. 15-A ch. 2, behavioral control: instructions; Rev. Rul. 87-41 factors 1, 7, 9, 10";
constexpr const char* kKeyAspect =
    "IRS Pub. 15-A ch. 2, type of relationship: key aspect of the regular business; Rev. Rul. 87-41 factor 3";
constexpr const char* kHowPaid = "IRS Pub. 15-A ch. 2, financial control: how the business pays; Rev. Rul. 87-41 factor 12";

}  // namespace

std::optional<RecheckNeed> ClassificationRecheck(const AssignmentChange& change) {
  if (change.worker_type == WorkerType::kW2Employee) return std::nullopt;
  RecheckNeed need;
  std::vector<std::string> what;
  if (change.extension && change.end_after) {
    // Days counted inclusively: an engagement from 2026-01-05 to 2026-01-05 runs 1 day.
    const auto days = (change.end_after->sys_days() - change.start_date.sys_days()).count() + 1;
    what.push_back("extended" + (change.end_before ? " from " + change.end_before->ToString() : std::string()) +
                   " to " + change.end_after->ToString() + ", " + std::to_string(days) + " days from the start on " +
                   change.start_date.ToString() + " (permanency)");
    need.citations.push_back(kPermanency);
  }
  if (change.title_changed) {
    what.push_back("the work changed (title)");
    need.citations.push_back(kKeyAspect);
  }
  if (change.manager_changed) {
    what.push_back("a different manager directs the work (behavioral control)");
    need.citations.push_back(kInstructions);
  }
  if (change.rates_changed) {
    what.push_back("the rates changed (how the business pays)");
    need.citations.push_back(kHowPaid);
  }
  if (what.empty()) return std::nullopt;
  need.reason = change.extension ? "The contractor's engagement was " : "The contractor's engagement was revised: ";
  for (size_t i = 0; i < what.size(); ++i) {
    if (i > 0) need.reason += i + 1 == what.size() ? "; and " : "; ";
    need.reason += what[i];
  }
  need.reason += ". Re-check the classification: permanence and integration drift over time.";
  return need;
}

}  // namespace concord::workforce
