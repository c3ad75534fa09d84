// The monthly revenue forecast: what the pipeline, the committed work and the burn add up to per month.
//
//   pipeline   Σ open estimates × close probability, in the month the client is expected to answer
//   committed  Σ (approved budget − billed so far) of live jobs, in the month the job is due
//   burn       Σ billable time × rate actually worked, in the month the work was done, plus Σ billable
//              expenses at their billing value (cost + mark-up), in the month they were incurred
//   expected   committed + pipeline: the revenue still to come, by month
//
// Placement: an estimate whose expected close, or a job whose due date, lies before the first month is
// still open work, so it lands in the first month rather than vanishing; anything after the last month is
// outside the forecast. Burn is history and is only counted in its own month.
//
// Roundings, named: a pipeline row is amount × probability rounded to the minor unit HalfUp (one row per
// estimate in the drill-down, and the month is the exact sum of the rows); burn is rounded once per month and
// rate (TimeAmount in time_rule.h); an expense arrives already rounded (BillableAmount in expense.h);
// committed needs no rounding. An over-billed job commits 0, never a
// negative amount that would hide other jobs' work.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

struct YearMonth {
  int year = 1970;
  unsigned month = 1;  // 1..12

  static YearMonth Of(Date date) { return {date.year(), date.month()}; }
  YearMonth Next() const { return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1}; }
  std::string ToString() const;  // "2026-03"

  friend bool operator==(const YearMonth&, const YearMonth&) = default;
  friend std::strong_ordering operator<=>(const YearMonth& a, const YearMonth& b) {
    if (auto c = a.year <=> b.year; c != 0) return c;
    return a.month <=> b.month;
  }
};

struct PipelineItem {  // an open (draft or sent) estimate; the caller leaves out approved and declined ones
  std::string estimate_number;
  Date expected_close;
  Money amount;                       // the estimate's total
  Decimal close_probability_percent;  // 0..100
};

struct CommitmentItem {  // a live job with an approved budget
  std::string job_number;
  Date due_date;
  Money approved_budget;
  Money billed;  // invoiced so far, net of credit notes
};

struct BurnItem {  // billable time worked
  Date work_date;
  int64_t minutes = 0;
  Money hourly_rate;
};

struct ExpenseBurnItem {  // a billable expense that is not rejected
  Date expense_date;
  Money amount;  // its billing value: cost + mark-up, rounded to the minor unit
};

struct ForecastInput {
  std::vector<PipelineItem> pipeline;
  std::vector<CommitmentItem> commitments;
  std::vector<BurnItem> burn;
  std::vector<ExpenseBurnItem> expenses;
};

struct ForecastMonth {
  YearMonth month;
  Money pipeline;
  Money committed;
  Money burn;
  Money expected;  // committed + pipeline
};

// One row per month from `first` to `last` inclusive (at most 120), all amounts in `currency`. Errors (422):
//   forecast.invalid_range           (field "last") last before first, or more than 120 months
//   forecast.currency_mismatch       (field "pipeline[i].amount", "commitments[i]…", "burn[i].hourly_rate",
//                                    "expenses[i].amount")
//   forecast.probability_out_of_range (field "pipeline[i].close_probability_percent") not 0..100
Result<std::vector<ForecastMonth>> MonthlyForecast(const ForecastInput& input, YearMonth first, YearMonth last,
                                                   const std::string& currency);

}  // namespace concord::agency
