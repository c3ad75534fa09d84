// Staffing one interval: the fewest agents meeting a service-level target ("X % answered within
// Y s") under a maximum occupancy, then the positions to schedule after shrinkage.
//
// Erlang C sizing follows pyworkforce ErlangC.required_positions and the Call Centre Helper method:
//   1. start at N = round(A + 1) and add agents until SL(T) >= target;
//   2. if A/N > max occupancy, N = ceil(A / max occupancy);
//   3. positions = ceil(N / (1 − shrinkage)).
// Each added agent costs one step of the Erlang B recursion (ErlangBRecurrence), not a fresh sum.
// With a known patience the model is Erlang A (pyworkforce ErlangA.required_positions): the smallest N
// with SL >= target, occupancy <= max and P(abandon) <= max abandonment.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace concord::wfm {

struct StaffingRequest {
  double contacts = 0;       // offered contacts in the interval, >= 0
  double interval_s = 1800;  // interval length in seconds, > 0
  double aht_s = 0;          // average handle time in seconds, > 0
  double target_sl = 0.8;    // fraction answered within target_s, in (0, 1)
  double target_s = 20;      // service-level threshold in seconds, >= 0
  double shrinkage = 0;      // fraction of paid time not available, in [0, 1)
  double max_occupancy = 1;  // in (0, 1]
  std::optional<double> patience_s;  // average patience, > 0: selects Erlang A
  double max_abandonment = 1;        // Erlang A only, in (0, 1]
};

enum class StaffingModel { kErlangC, kErlangA };

struct StaffingResult {
  StaffingModel model = StaffingModel::kErlangC;
  int agents = 0;            // productive agents on the phones (raw N)
  int positions = 0;         // agents scheduled after shrinkage
  double traffic = 0;        // A, Erlangs
  double service_level = 1;  // fraction answered within target_s
  double p_wait = 0;         // probability a contact waits
  double asa_s = 0;          // average speed of answer, seconds
  double occupancy = 0;      // fraction of agent time busy
  double p_abandon = 0;      // Erlang A only; 0 under Erlang C
};

const char* ModelName(StaffingModel model);  // "erlang_c", "erlang_a"

// Checks the request's ranges. Errors carry stable codes ("wfm.aht_invalid", …) and the field.
Result<StaffingRequest> ValidateStaffing(const StaffingRequest& request);

// Validates, then sizes the interval with Erlang C or (patience given) Erlang A.
Result<StaffingResult> Staff(const StaffingRequest& request);

// Erlang C sizing for a valid request, without validation: the hot path for many intervals.
// Zero traffic needs zero agents.
StaffingResult SizeErlangC(double traffic, double aht_s, double target_sl, double target_s,
                           double max_occupancy, double shrinkage);

// Erlang A sizing for a valid request (patience_s set), without validation.
StaffingResult SizeErlangA(const StaffingRequest& request);

// Sizes many intervals with the same targets; one result per contacts value. O(Σ N).
std::vector<StaffingResult> StaffIntervals(std::span<const double> contacts, double interval_s,
                                           double aht_s, double target_sl, double target_s,
                                           double max_occupancy, double shrinkage);

// One interval's demand when handle times differ by interval (from the interval history).
struct IntervalDemand {
  double contacts = 0;  // >= 0
  double aht_s = 0;     // > 0 when contacts > 0
};

// As above with a handle time per interval.
std::vector<StaffingResult> StaffIntervals(std::span<const IntervalDemand> demand, double interval_s,
                                           double target_sl, double target_s, double max_occupancy,
                                           double shrinkage);

// Erlang B sizing (pyworkforce ErlangB.required_positions): the fewest lines/agents with blocking
// B(N, A) <= max_blocking, max_blocking in (0, 1]; 0 for no traffic.
int RequiredErlangB(double traffic, double max_blocking);

}  // namespace concord::wfm
