// Forecast accuracy on a held-back period (Hyndman & Athanasopoulos, FPP 2nd ed., §3.4).
#pragma once

#include <optional>
#include <span>

#include "core/result.h"

namespace concord::wfm {

struct Accuracy {
  // MAPE = mean over t of 100·|y_t − ŷ_t| / |y_t|, in percent. Undefined where y_t = 0 (FPP §3.4),
  // so those points are left out and counted in zero_actuals; nullopt when every actual is 0.
  std::optional<double> mape;
  // WAPE = 100·Σ|y_t − ŷ_t| / Σ|y_t|, in percent (volume-weighted; defined with zero intervals,
  // which is why contact centres prefer it). nullopt when Σ|y_t| = 0.
  std::optional<double> wape;
  int points = 0;        // pairs compared
  int zero_actuals = 0;  // pairs left out of MAPE
};

// Compares actual with forecast pairwise. Error "wfm.accuracy_length_mismatch" when the lengths
// differ, "wfm.accuracy_empty" when there is nothing to compare.
Result<Accuracy> MeasureAccuracy(std::span<const double> actual, std::span<const double> forecast);

}  // namespace concord::wfm
