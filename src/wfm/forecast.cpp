#include "wfm/forecast.h"

#include <algorithm>
#include <span>

namespace concord::wfm {
namespace {

// Intraday shares per weekday: profile[w][i] = Σ y_{d,i} / Σ y_d over the profiled days d of
// weekday phase w (w = day index mod 7). A weekday with no contacts is closed: all its shares are 0,
// so its forecast is 0 whatever the daily model says (an additive fit leaks a little volume into a
// closed Sunday). With no contacts at all the profile is flat.
std::vector<std::vector<double>> IntradayProfile(const std::vector<double>& contacts, int per_day,
                                                 int first_day, int days) {
  std::vector<std::vector<double>> sums(kDaysPerWeek, std::vector<double>(per_day, 0.0));
  std::vector<double> pooled(per_day, 0.0);
  for (int d = first_day; d < days; ++d) {
    for (int i = 0; i < per_day; ++i) {
      const double v = contacts[static_cast<size_t>(d) * per_day + i];
      sums[d % kDaysPerWeek][i] += v;
      pooled[i] += v;
    }
  }
  auto normalise = [](std::vector<double>& shares) {
    double sum = 0;
    for (double v : shares) sum += v;
    if (sum <= 0) return false;
    for (double& v : shares) v /= sum;
    return true;
  };
  if (!normalise(pooled)) {
    std::fill(pooled.begin(), pooled.end(), 1.0 / per_day);
    return std::vector<std::vector<double>>(kDaysPerWeek, pooled);
  }
  for (auto& shares : sums) normalise(shares);  // a closed weekday keeps its zeros
  return sums;
}

}  // namespace

Result<IntervalForecast> ForecastIntervals(const IntervalHistory& history, int horizon_days,
                                           const ForecastOptions& options) {
  const int minutes = history.interval_min;
  if (minutes != 15 && minutes != 30 && minutes != 60)
    return Error::Invalid("wfm.interval_unsupported", "intervals must be 15, 30 or 60 minutes",
                          {{"interval_min", "wfm.interval_unsupported", "use 15, 30 or 60"}});
  const int per_day = 24 * 60 / minutes;
  if (history.contacts.size() % per_day != 0)
    return Error::Invalid("wfm.history_partial_day", "the history must cover whole days");
  if (horizon_days < 1)
    return Error::Invalid("wfm.horizon_invalid", "forecast at least one day");
  const int days = static_cast<int>(history.contacts.size() / per_day);
  if (days < 2 * kDaysPerWeek)
    return Error::Invalid("wfm.history_too_short", "forecasting needs at least two weeks of history");

  std::vector<double> daily(days, 0.0);
  for (int d = 0; d < days; ++d)
    for (int i = 0; i < per_day; ++i) daily[d] += history.contacts[static_cast<size_t>(d) * per_day + i];

  Result<HoltWintersFit> fit =
      options.params ? FitHoltWinters(daily, kDaysPerWeek, options.seasonality, *options.params)
                     : FitHoltWintersAuto(daily, kDaysPerWeek, options.seasonality);
  if (!fit) return fit.error();

  const int profile_first =
      options.profile_weeks > 0 ? std::max(0, days - options.profile_weeks * kDaysPerWeek) : 0;
  const auto profile = IntradayProfile(history.contacts, per_day, profile_first, days);

  IntervalForecast out;
  out.interval_min = minutes;
  out.params = fit->params;
  out.daily = ForecastHoltWinters(*fit, horizon_days);
  out.contacts.reserve(static_cast<size_t>(horizon_days) * per_day);
  for (int h = 0; h < horizon_days; ++h) {
    const auto& shares = profile[(days + h) % kDaysPerWeek];
    double open = 0;
    for (double share : shares) open += share;
    // A trend can dip below zero, contacts cannot; a weekday closed in the profiled weeks stays closed.
    out.daily[h] = open > 0 ? std::max(0.0, out.daily[h]) : 0.0;
    for (int i = 0; i < per_day; ++i) out.contacts.push_back(out.daily[h] * shares[i]);
  }
  return out;
}

Result<Backtest> BacktestForecast(const IntervalHistory& history, int holdout_days,
                                  const ForecastOptions& options) {
  const int minutes = history.interval_min;
  const int per_day = minutes > 0 && 1440 % minutes == 0 ? 1440 / minutes : 0;
  const size_t held = static_cast<size_t>(std::max(holdout_days, 0)) * std::max(per_day, 0);
  if (holdout_days < 1 || per_day == 0 || held >= history.contacts.size())
    return Error::Invalid("wfm.holdout_invalid", "hold back at least one day, and less than all");
  IntervalHistory train{minutes, std::vector<double>(history.contacts.begin(),
                                                     history.contacts.end() - held)};
  Result<IntervalForecast> forecast = ForecastIntervals(train, holdout_days, options);
  if (!forecast) return forecast.error();
  std::span<const double> actual(history.contacts.end() - held, history.contacts.end());
  std::vector<double> actual_daily(holdout_days, 0.0);
  for (int d = 0; d < holdout_days; ++d)
    for (int i = 0; i < per_day; ++i) actual_daily[d] += actual[static_cast<size_t>(d) * per_day + i];

  Backtest out;
  Result<Accuracy> intervals = MeasureAccuracy(actual, forecast->contacts);
  if (!intervals) return intervals.error();
  Result<Accuracy> days = MeasureAccuracy(actual_daily, forecast->daily);
  if (!days) return days.error();
  out.forecast = std::move(forecast).value();
  out.interval_accuracy = *intervals;
  out.daily_accuracy = *days;
  return out;
}

}  // namespace concord::wfm
