// Holt-Winters exponential smoothing with trend and seasonality, additive or multiplicative.
//
// Recursions as in Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (2nd ed.),
// §7.3, with period m:
//   additive        ℓ_t = α(y_t − s_{t−m}) + (1−α)(ℓ_{t−1} + b_{t−1})
//                   b_t = β(ℓ_t − ℓ_{t−1}) + (1−β)b_{t−1}
//                   s_t = γ(y_t − ℓ_{t−1} − b_{t−1}) + (1−γ)s_{t−m}
//                   ŷ_{t+h|t} = ℓ_t + h·b_t + s_{t+h−m(k+1)},  k = ⌊(h−1)/m⌋
//   multiplicative  ℓ_t = α(y_t / s_{t−m}) + (1−α)(ℓ_{t−1} + b_{t−1})
//                   s_t = γ·y_t/(ℓ_{t−1} + b_{t−1}) + (1−γ)s_{t−m}
//                   ŷ_{t+h|t} = (ℓ_t + h·b_t)·s_{t+h−m(k+1)}
// Initial states by the classical heuristic (Kalekar 2004, "Time series forecasting using
// Holt-Winters exponential smoothing"; NIST/SEMATECH e-Handbook §6.4.3.5) from the first two seasons:
//   ℓ_0 = mean(y_1..y_m), b_0 = (1/m)·Σ_i (y_{m+i} − y_i)/m,
//   s_{i−m} = y_i − ℓ_0 (additive) or y_i/ℓ_0 (multiplicative);
// then the recursions run from t = 1, so the first season is smoothed too.
#pragma once

#include <span>
#include <vector>

#include "core/result.h"

namespace concord::wfm {

enum class Seasonality { kAdditive, kMultiplicative };

struct HoltWintersParams {
  double alpha = 0.3;  // level, in [0, 1]
  double beta = 0.1;   // trend, in [0, 1]
  double gamma = 0.1;  // seasonal, in [0, 1]
  bool trend = true;   // false: no trend term (b ≡ 0)
};

struct HoltWintersFit {
  Seasonality seasonality = Seasonality::kAdditive;
  HoltWintersParams params;
  int period = 0;
  double level = 0;               // ℓ_n
  double trend = 0;               // b_n
  std::vector<double> seasonal;   // s_{n+1−m} … s_n: seasonal[(h−1) mod m] applies to ŷ_{n+h|n}
  std::vector<double> fitted;     // one-step-ahead ŷ_{t|t−1}, t = 1..n
  double sse = 0;                 // Σ (y_t − ŷ_{t|t−1})²
};

// Runs the recursions over y (at least two full periods; period >= 1; strictly positive values for
// multiplicative seasonality). Errors: "wfm.history_too_short", "wfm.history_not_positive",
// "wfm.smoothing_invalid".
Result<HoltWintersFit> FitHoltWinters(std::span<const double> y, int period, Seasonality seasonality,
                                      const HoltWintersParams& params);

// ŷ_{n+1|n} … ŷ_{n+horizon|n}.
std::vector<double> ForecastHoltWinters(const HoltWintersFit& fit, int horizon);

// Smoothing parameters minimising the one-step-ahead SSE over a grid (α, β, γ in 0.05 … 0.95 by
// 0.1, trend on and off): a coarse, deterministic stand-in for the optimiser in R's forecast::ets.
Result<HoltWintersFit> FitHoltWintersAuto(std::span<const double> y, int period,
                                          Seasonality seasonality);

}  // namespace concord::wfm
