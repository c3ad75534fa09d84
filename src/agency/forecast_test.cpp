// The monthly forecast, March to June 2026, every figure worked by hand in the comments.
#include "agency/forecast.h"

#include <gtest/gtest.h>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::USD;

ForecastInput Input() {
  ForecastInput in;
  in.pipeline = {
      {"E1", D("2026-02-20"), USD("10000.00"), Dec("60")},   // before March: lands in March, 6000.00
      {"E2", D("2026-04-15"), USD("3333.33"), Dec("33.3")},  // 1109.99889 -> 1110.00
      {"E3", D("2026-04-30"), USD("2500.00"), Dec("12.5")},  // 312.50
      {"E4", D("2026-07-01"), USD("50000.00"), Dec("90")},   // after June: outside
      {"E5", D("2026-05-10"), USD("999.99"), Dec("0.5")},    // 4.99995 -> 5.00
  };
  in.commitments = {
      {"J1", D("2026-03-31"), USD("7250.00"), USD("3625.00")},  // 3625.00 in March
      {"J2", D("2026-01-15"), USD("5000.00"), USD("4000.00")},  // overdue: 1000.00 in March
      {"J3", D("2026-06-15"), USD("12000.00"), USD("0.00")},    // 12000.00 in June
      {"J4", D("2026-05-01"), USD("1000.00"), USD("1200.00")},  // over-billed: 0, not -200
      {"J5", D("2026-09-01"), USD("8000.00"), USD("0.00")},     // outside
  };
  in.burn = {
      {D("2026-03-02"), 90, USD("150.00")},
      {D("2026-03-03"), 20, USD("150.00")},   // March @150: 110 min = 275.00
      {D("2026-03-20"), 10, USD("125.00")},   // March @125: 20.8333 -> 20.83
      {D("2026-02-27"), 600, USD("150.00")},  // February: history outside the range
      {D("2026-04-01"), 45, USD("118.50")},
      {D("2026-04-02"), 45, USD("118.50")},  // April @118.50: 90 min = 177.75 (per entry it would be 177.76)
  };
  return in;
}

struct MonthRow {
  const char* month;
  const char* pipeline;
  const char* committed;
  const char* burn;
  const char* expected;
};

TEST(Forecast, PipelineCommittedBurnPerMonth) {
  const MonthRow rows[] = {
      {"2026-03", "6000.00", "4625.00", "295.83", "10625.00"},
      {"2026-04", "1422.50", "0.00", "177.75", "1422.50"},  // 1110.00 + 312.50
      {"2026-05", "5.00", "0.00", "0.00", "5.00"},
      {"2026-06", "0.00", "12000.00", "0.00", "12000.00"},
  };
  auto forecast = MonthlyForecast(Input(), {2026, 3}, {2026, 6}, "USD");
  ASSERT_TRUE(forecast.ok()) << forecast.error().message;
  ASSERT_EQ(forecast->size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    const MonthRow& r = rows[i];
    const ForecastMonth& m = forecast.value()[i];
    SCOPED_TRACE(r.month);
    EXPECT_EQ(m.month.ToString(), r.month);
    EXPECT_EQ(m.pipeline, USD(r.pipeline));
    EXPECT_EQ(m.committed, USD(r.committed));
    EXPECT_EQ(m.burn, USD(r.burn));
    EXPECT_EQ(m.expected, USD(r.expected));
  }
}

TEST(Forecast, BurnCountsBillableExpensesInTheMonthIncurred) {
  ForecastInput in = Input();
  in.expenses = {
      {D("2026-03-12"), USD("230.00")},  // printing 200.00 + 15 % mark-up
      {D("2026-03-30"), USD("64.40")},   // courier 56.00 + 15 % = 64.40
      {D("2026-04-09"), USD("110.00")},  // stock photo 100.00 + 10 %
      {D("2026-02-26"), USD("500.00")},  // February: history outside the range
  };
  auto forecast = MonthlyForecast(in, {2026, 3}, {2026, 6}, "USD");
  ASSERT_TRUE(forecast.ok()) << forecast.error().message;
  EXPECT_EQ(forecast->at(0).burn, USD("590.23"));  // time 295.83 + 230.00 + 64.40
  EXPECT_EQ(forecast->at(1).burn, USD("287.75"));  // time 177.75 + 110.00
  EXPECT_EQ(forecast->at(2).burn, USD("0.00"));
  EXPECT_EQ(forecast->at(0).expected, USD("10625.00"));  // burn is history: not part of what is expected

  in.expenses[2].amount = Money(Dec("110"), "EUR");
  EXPECT_EQ(MonthlyForecast(in, {2026, 3}, {2026, 6}, "USD").error().fields.at(0).field, "expenses[2].amount");
}

TEST(Forecast, MonthsRunAcrossTheYearEnd) {
  auto forecast = MonthlyForecast({}, {2026, 11}, {2027, 2}, "USD");
  ASSERT_TRUE(forecast.ok());
  std::vector<std::string> months;
  for (const ForecastMonth& m : forecast.value()) months.push_back(m.month.ToString());
  EXPECT_EQ(months, (std::vector<std::string>{"2026-11", "2026-12", "2027-01", "2027-02"}));
  EXPECT_EQ(forecast->at(0).expected, USD("0"));
}

TEST(Forecast, RefusesBadInput) {
  EXPECT_EQ(MonthlyForecast({}, {2026, 6}, {2026, 5}, "USD").error().code, "forecast.invalid_range");
  EXPECT_TRUE(MonthlyForecast({}, {2026, 1}, {2035, 12}, "USD").ok());  // 120 months
  EXPECT_EQ(MonthlyForecast({}, {2026, 1}, {2036, 1}, "USD").error().code, "forecast.invalid_range");

  ForecastInput euro = Input();
  euro.pipeline[1].amount = Money(Dec("100"), "EUR");
  auto e = MonthlyForecast(euro, {2026, 3}, {2026, 6}, "USD");
  EXPECT_EQ(e.error().code, "forecast.currency_mismatch");
  EXPECT_EQ(e.error().fields.at(0).field, "pipeline[1].amount");

  ForecastInput odds = Input();
  odds.pipeline[0].close_probability_percent = Dec("100.5");
  EXPECT_EQ(MonthlyForecast(odds, {2026, 3}, {2026, 6}, "USD").error().code, "forecast.probability_out_of_range");

  ForecastInput rate = Input();
  rate.burn[2].hourly_rate = Money(Dec("125"), "CAD");
  EXPECT_EQ(MonthlyForecast(rate, {2026, 3}, {2026, 6}, "USD").error().fields.at(0).field, "burn[2].hourly_rate");
}

}  // namespace
}  // namespace concord::agency
