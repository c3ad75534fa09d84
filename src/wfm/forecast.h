// Interval forecasting for staffing: daily volumes by Holt-Winters with weekly seasonality, spread
// over the day by an intraday profile per weekday (the "daily forecast × intraday distribution"
// method of contact-centre planning; e.g. Gans, Koole & Mandelbaum 2003, "Telephone call centers:
// tutorial, review and research prospects", M&SOM 5(2), §4).
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "wfm/accuracy.h"
#include "wfm/holt_winters.h"

namespace concord::wfm {

// Contacts per interval, oldest first. The first interval starts at a local midnight and the
// history covers whole days; interval_min is 15, 30 or 60. Week phase is carried implicitly: the
// forecast's first day is the weekday after the history's last.
struct IntervalHistory {
  int interval_min = 30;
  std::vector<double> contacts;
};

struct ForecastOptions {
  Seasonality seasonality = Seasonality::kMultiplicative;
  std::optional<HoltWintersParams> params;  // nullopt: chosen by FitHoltWintersAuto
  int profile_weeks = 0;                    // weeks of history for the intraday profile; 0 = all
};

struct IntervalForecast {
  int interval_min = 30;
  std::vector<double> contacts;  // horizon_days × intervals per day, never negative
  std::vector<double> daily;     // the Holt-Winters daily totals behind them, clamped at 0
  HoltWintersParams params;      // the smoothing parameters used
};

constexpr int kDaysPerWeek = 7;

// Forecasts horizon_days >= 1 whole days after the history, which must span at least two weeks.
// Errors: "wfm.interval_unsupported", "wfm.history_partial_day", "wfm.history_too_short",
// "wfm.history_not_positive" (multiplicative with a day of zero contacts), "wfm.horizon_invalid".
Result<IntervalForecast> ForecastIntervals(const IntervalHistory& history, int horizon_days,
                                           const ForecastOptions& options);

struct Backtest {
  IntervalForecast forecast;  // of the held-back days, from the history before them
  Accuracy interval_accuracy;  // per interval over the held-back days
  Accuracy daily_accuracy;     // per day over the held-back days
};

// Holds back the last holdout_days days, forecasts them from the rest and measures MAPE/WAPE.
Result<Backtest> BacktestForecast(const IntervalHistory& history, int holdout_days,
                                  const ForecastOptions& options);

}  // namespace concord::wfm
