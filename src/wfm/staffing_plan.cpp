#include "wfm/staffing_plan.h"

#include <string>

namespace concord::wfm {

Result<std::vector<PlanRow>> PlanStaffing(std::span<const IntervalDemand> demand, std::span<const int> scheduled,
                                          double interval_s, const StaffingTargets& targets) {
  StaffingRequest request;
  request.interval_s = interval_s;
  request.target_sl = targets.target_sl;
  request.target_s = targets.target_s;
  request.shrinkage = targets.shrinkage;
  request.max_occupancy = targets.max_occupancy;
  request.patience_s = targets.patience_s;
  request.max_abandonment = targets.max_abandonment;
  request.aht_s = 1;  // the targets are checked once, apart from any interval's handle time
  if (auto valid = ValidateStaffing(request); !valid) return valid.error();

  std::vector<PlanRow> out;
  out.reserve(demand.size());
  for (size_t i = 0; i < demand.size(); ++i) {
    PlanRow row;
    row.scheduled = i < scheduled.size() ? scheduled[i] : 0;
    if (demand[i].contacts > 0) {
      request.contacts = demand[i].contacts;
      request.aht_s = demand[i].aht_s;
      Result<StaffingResult> staffed = Staff(request);
      if (!staffed) {
        Error error = staffed.error();
        for (auto& f : error.fields) f.field = "interval " + std::to_string(i) + " " + f.field;
        return error;
      }
      row.required = *staffed;
    } else {
      row.required.model = targets.patience_s ? StaffingModel::kErlangA : StaffingModel::kErlangC;
    }
    row.gap = row.required.positions - row.scheduled;
    out.push_back(row);
  }
  return out;
}

}  // namespace concord::wfm
