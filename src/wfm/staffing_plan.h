// A staffing plan: for each interval of a forecast, the agents and positions a service-level target
// needs (Erlang C, or Erlang A when patience is known), beside the staff scheduled, and the gap.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/result.h"
#include "wfm/staffing.h"

namespace concord::wfm {

// The service goal and the planning assumptions shared by every interval of a plan.
struct StaffingTargets {
  double target_sl = 0.8;            // fraction answered within target_s
  double target_s = 20;              // seconds
  double max_occupancy = 0.85;       // in (0, 1]
  double shrinkage = 0.3;            // in [0, 1)
  std::optional<double> patience_s;  // known average patience: Erlang A
  double max_abandonment = 1;        // Erlang A only
};

struct PlanRow {
  StaffingResult required;  // positions = agents after shrinkage
  int scheduled = 0;        // positions scheduled (paid heads in the interval)
  int gap = 0;              // required.positions − scheduled; > 0 is understaffed, < 0 over
};

// demand[i] and scheduled[i] describe interval i (scheduled may be shorter: missing is 0 scheduled).
// An interval with no contacts needs nobody. Errors: the first invalid target or handle time, as
// ValidateStaffing names it, with "interval <i>" in the field for a per-interval problem.
Result<std::vector<PlanRow>> PlanStaffing(std::span<const IntervalDemand> demand, std::span<const int> scheduled,
                                          double interval_s, const StaffingTargets& targets);

}  // namespace concord::wfm
