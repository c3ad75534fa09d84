#include "wfm/accuracy.h"

#include <cmath>

namespace concord::wfm {

Result<Accuracy> MeasureAccuracy(std::span<const double> actual, std::span<const double> forecast) {
  if (actual.size() != forecast.size())
    return Error::Invalid("wfm.accuracy_length_mismatch",
                          "actual and forecast must cover the same intervals");
  if (actual.empty()) return Error::Invalid("wfm.accuracy_empty", "no intervals to compare");
  Accuracy acc;
  double ape_sum = 0, abs_error_sum = 0, abs_actual_sum = 0;
  int ape_n = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    const double error = std::abs(actual[i] - forecast[i]);
    abs_error_sum += error;
    abs_actual_sum += std::abs(actual[i]);
    if (actual[i] == 0) {
      ++acc.zero_actuals;
    } else {
      ape_sum += 100.0 * error / std::abs(actual[i]);
      ++ape_n;
    }
  }
  acc.points = static_cast<int>(actual.size());
  if (ape_n > 0) acc.mape = ape_sum / ape_n;
  if (abs_actual_sum > 0) acc.wape = 100.0 * abs_error_sum / abs_actual_sum;
  return acc;
}

}  // namespace concord::wfm
