// When a contractor's classification must be checked again (issue 4 "Contractor classification"; the
// research notes §4.4: "Re-check when an assignment is extended or revised, since permanence and integration
// drift over time"). An independent contractor's engagement that is extended, or revised in what the
// common-law test weighs (the work itself, who directs it, how it is paid), reopens the determination: the
// coordinator gets a task with the reason, and the assignment cannot be extended or materially revised again
// until a new determination (approved, when it needs approval) is on file.
//
// Pure. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "workforce/onboarding.h"

namespace concord::workforce {

struct AssignmentChange {
  WorkerType worker_type = WorkerType::kContractor1099;
  bool extension = false;  // an extension; otherwise a revision
  Date start_date;
  std::optional<Date> end_before, end_after;  // the end date before and after (extensions)
  bool rates_changed = false;
  bool title_changed = false;    // the work itself
  bool manager_changed = false;  // who directs the work
};

struct RecheckNeed {
  std::string reason;                  // for people: what changed and why it matters
  std::vector<std::string> citations;  // the factors it touches
};

// Nothing for employees, nor for revisions that leave the work, its direction and its pay alone (a cost
// centre, a location text, a manager's e-mail).
std::optional<RecheckNeed> ClassificationRecheck(const AssignmentChange& change);

}  // namespace concord::workforce
