#include "wfm/holt_winters.h"

#include <cmath>

namespace concord::wfm {

Result<HoltWintersFit> FitHoltWinters(std::span<const double> y, int period, Seasonality seasonality,
                                      const HoltWintersParams& params) {
  const size_t m = period > 0 ? static_cast<size_t>(period) : 0;
  if (m == 0 || y.size() < 2 * m)
    return Error::Invalid("wfm.history_too_short",
                          "Holt-Winters needs at least two full seasons of history");
  for (double p : {params.alpha, params.beta, params.gamma})
    if (!(p >= 0 && p <= 1))
      return Error::Invalid("wfm.smoothing_invalid", "smoothing parameters must be in [0, 1]");
  const bool multiplicative = seasonality == Seasonality::kMultiplicative;
  for (double v : y) {
    if (!std::isfinite(v) || (multiplicative && v <= 0))
      return Error::Invalid("wfm.history_not_positive",
                            "multiplicative seasonality needs strictly positive history");
  }

  HoltWintersFit fit;
  fit.seasonality = seasonality;
  fit.params = params;
  fit.period = period;
  // Classical initial states from the first two seasons (see header).
  double level = 0;
  for (size_t i = 0; i < m; ++i) level += y[i];
  level /= static_cast<double>(m);
  double trend = 0;
  if (params.trend) {
    for (size_t i = 0; i < m; ++i) trend += (y[m + i] - y[i]) / static_cast<double>(m);
    trend /= static_cast<double>(m);
  }
  // season[t mod m] holds s_{t−m} when y_t (1-based t) is processed, i.e. index (t−1) mod m.
  std::vector<double> season(m);
  for (size_t i = 0; i < m; ++i) season[i] = multiplicative ? y[i] / level : y[i] - level;

  const double a = params.alpha, b = params.beta, g = params.gamma;
  fit.fitted.reserve(y.size());
  for (size_t t = 0; t < y.size(); ++t) {
    double& s = season[t % m];  // s_{t−m}, replaced by s_t
    const double base = level + trend;  // ℓ_{t−1} + b_{t−1}
    const double forecast = multiplicative ? base * s : base + s;
    fit.fitted.push_back(forecast);
    fit.sse += (y[t] - forecast) * (y[t] - forecast);
    const double new_level =
        multiplicative ? a * (y[t] / s) + (1 - a) * base : a * (y[t] - s) + (1 - a) * base;
    const double new_trend = params.trend ? b * (new_level - level) + (1 - b) * trend : 0.0;
    s = multiplicative ? g * y[t] / base + (1 - g) * s : g * (y[t] - base) + (1 - g) * s;
    level = new_level;
    trend = new_trend;
  }
  fit.level = level;
  fit.trend = trend;
  // Rotate so that seasonal[0] is the index of the next observation, n mod m.
  fit.seasonal.resize(m);
  for (size_t i = 0; i < m; ++i) fit.seasonal[i] = season[(y.size() + i) % m];
  return fit;
}

std::vector<double> ForecastHoltWinters(const HoltWintersFit& fit, int horizon) {
  std::vector<double> out;
  out.reserve(horizon > 0 ? horizon : 0);
  const size_t m = fit.seasonal.size();
  for (int h = 1; h <= horizon; ++h) {
    const double base = fit.level + h * fit.trend;
    const double s = fit.seasonal[(h - 1) % m];
    out.push_back(fit.seasonality == Seasonality::kMultiplicative ? base * s : base + s);
  }
  return out;
}

Result<HoltWintersFit> FitHoltWintersAuto(std::span<const double> y, int period,
                                          Seasonality seasonality) {
  Result<HoltWintersFit> best = Error::Invalid("wfm.history_too_short", "no fit");
  for (bool trend : {false, true}) {
    for (int ai = 0; ai < 10; ++ai) {
      for (int bi = 0; bi < (trend ? 10 : 1); ++bi) {
        for (int gi = 0; gi < 10; ++gi) {
          HoltWintersParams p{0.05 + 0.1 * ai, trend ? 0.05 + 0.1 * bi : 0.0, 0.05 + 0.1 * gi, trend};
          Result<HoltWintersFit> fit = FitHoltWinters(y, period, seasonality, p);
          if (!fit) return fit;
          if (!best || fit->sse < best->sse) best = std::move(fit);
        }
      }
    }
  }
  return best;
}

}  // namespace concord::wfm
