// Interval forecasts: daily Holt-Winters with weekly seasonality × intraday profile per weekday.
#include "wfm/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace concord::wfm {
namespace {

// Weekday totals (day 0 = a Monday) and two intraday shapes over 60-minute intervals: weekdays
// peak mid-morning, weekends in the afternoon.
constexpr double kDayTotal[kDaysPerWeek] = {1200, 1100, 1000, 1000, 900, 400, 200};

std::vector<double> Shape(bool weekend) {
  std::vector<double> w(24, 0.0);
  for (int h = 8; h < 18; ++h) w[h] = weekend ? (h >= 13 ? 3 : 1) : (h == 10 || h == 11 ? 3 : 1);
  double total = 0;
  for (double v : w) total += v;
  for (double& v : w) v /= total;
  return w;
}

IntervalHistory Synthetic(int weeks, double noise) {
  IntervalHistory h{60, {}};
  for (int d = 0; d < weeks * kDaysPerWeek; ++d) {
    const std::vector<double> shape = Shape(d % 7 >= 5);
    // Deterministic "noise": alternating ± noise fraction, so the test is repeatable.
    const double wobble = 1.0 + ((d % 3) - 1) * noise;
    for (double s : shape) h.contacts.push_back(kDayTotal[d % 7] * wobble * s);
  }
  return h;
}

TEST(Forecast, ReproducesAnExactWeeklyAndIntradayPattern) {
  const IntervalHistory h = Synthetic(4, 0.0);
  ForecastOptions options;
  options.params = HoltWintersParams{0.3, 0.1, 0.2, true};
  Result<IntervalForecast> f = ForecastIntervals(h, 7, options);
  ASSERT_TRUE(f.ok()) << f.error().message;
  ASSERT_EQ(f->contacts.size(), 7u * 24);
  for (int d = 0; d < 7; ++d) {
    EXPECT_NEAR(f->daily[d], kDayTotal[d], 1e-6) << d;  // history is 4 weeks: next day is a Monday
    const std::vector<double> shape = Shape(d >= 5);
    for (int i = 0; i < 24; ++i) EXPECT_NEAR(f->contacts[d * 24 + i], kDayTotal[d] * shape[i], 1e-6);
  }
}

TEST(Forecast, AdditiveAndAutoFitAlsoWork) {
  const IntervalHistory h = Synthetic(6, 0.05);
  for (Seasonality s : {Seasonality::kAdditive, Seasonality::kMultiplicative}) {
    ForecastOptions options;
    options.seasonality = s;
    Result<IntervalForecast> f = ForecastIntervals(h, 14, options);
    ASSERT_TRUE(f.ok()) << f.error().message;
    EXPECT_EQ(f->contacts.size(), 14u * 24);
    for (double v : f->contacts) EXPECT_GE(v, 0.0);
  }
}

TEST(Forecast, BacktestOnHeldBackWeek) {
  Result<Backtest> exact = BacktestForecast(Synthetic(5, 0.0), 7, {});
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  EXPECT_NEAR(*exact->daily_accuracy.wape, 0.0, 1e-6);
  EXPECT_NEAR(*exact->interval_accuracy.mape, 0.0, 1e-6);
  EXPECT_EQ(exact->interval_accuracy.zero_actuals, 7 * 14);  // the closed hours

  Result<Backtest> noisy = BacktestForecast(Synthetic(8, 0.05), 7, {});
  ASSERT_TRUE(noisy.ok());
  EXPECT_GT(*noisy->daily_accuracy.wape, 0.0);
  EXPECT_LT(*noisy->daily_accuracy.wape, 10.0);  // 5 % day-to-day wobble
}

// Closed on Sundays: the additive fit forecasts a few contacts for Sunday (its seasonal index cannot
// fully cancel the level), but a weekday with no contacts in the profiled weeks stays at 0.
TEST(Forecast, AClosedWeekdayStaysClosed) {
  IntervalHistory h = Synthetic(4, 0.1);
  for (int d = 6; d < 4 * kDaysPerWeek; d += 7)
    for (int i = 0; i < 24; ++i) h.contacts[static_cast<size_t>(d) * 24 + i] = 0;
  ForecastOptions options;
  options.seasonality = Seasonality::kAdditive;
  Result<IntervalForecast> f = ForecastIntervals(h, 7, options);
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->daily[6], 0.0);  // day 28 = a Sunday
  for (int i = 0; i < 24; ++i) EXPECT_EQ(f->contacts[6 * 24 + i], 0.0);
  EXPECT_GT(f->daily[0], 0.0);
}

TEST(Forecast, Errors) {
  IntervalHistory h = Synthetic(3, 0.0);
  h.interval_min = 20;
  EXPECT_EQ(ForecastIntervals(h, 1, {}).error().code, "wfm.interval_unsupported");
  h = Synthetic(3, 0.0);
  h.contacts.pop_back();
  EXPECT_EQ(ForecastIntervals(h, 1, {}).error().code, "wfm.history_partial_day");
  EXPECT_EQ(ForecastIntervals(Synthetic(1, 0.0), 1, {}).error().code, "wfm.history_too_short");
  EXPECT_EQ(ForecastIntervals(Synthetic(3, 0.0), 0, {}).error().code, "wfm.horizon_invalid");
  IntervalHistory zero_day = Synthetic(3, 0.0);
  for (int i = 0; i < 24; ++i) zero_day.contacts[i] = 0;
  EXPECT_EQ(ForecastIntervals(zero_day, 1, {}).error().code, "wfm.history_not_positive");
  EXPECT_EQ(BacktestForecast(Synthetic(3, 0.0), 21, {}).error().code, "wfm.holdout_invalid");
}

}  // namespace
}  // namespace concord::wfm
