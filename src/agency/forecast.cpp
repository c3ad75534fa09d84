#include "agency/forecast.h"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "agency/agency_error.h"
#include "agency/time_rule.h"

namespace concord::agency {
namespace {

constexpr int kMaxMonths = 120;

Status SameCurrency(const Money& m, const std::string& currency, const std::string& field) {
  if (m.currency() == currency) return {};
  return InvalidAt("forecast.currency_mismatch", field,
                   fmt::format("{} is in {}, the forecast in {}", field, m.currency(), currency));
}

}  // namespace

std::string YearMonth::ToString() const { return fmt::format("{:04}-{:02}", year, month); }

Result<std::vector<ForecastMonth>> MonthlyForecast(const ForecastInput& input, YearMonth first, YearMonth last,
                                                   const std::string& currency) {
  const int span = (last.year - first.year) * 12 + static_cast<int>(last.month) - static_cast<int>(first.month);
  if (span < 0 || span >= kMaxMonths) {
    return InvalidAt(
        "forecast.invalid_range", "last",
        fmt::format("{}..{} is not a range of 1 to {} months", first.ToString(), last.ToString(), kMaxMonths));
  }
  const Money zero(Decimal(), currency);
  std::vector<ForecastMonth> months;
  for (YearMonth m = first; m <= last; m = m.Next()) months.push_back({m, zero, zero, zero, zero});
  auto slot = [&](YearMonth m) -> ForecastMonth* {
    if (m < first) m = first;  // still-open work lands in the first month
    if (m > last) return nullptr;
    const int i = (m.year - first.year) * 12 + static_cast<int>(m.month) - static_cast<int>(first.month);
    return &months[static_cast<size_t>(i)];
  };

  const Decimal hundred = Decimal::FromInt(100);
  const Decimal one_hundredth = Decimal::FromParts(1, 2);
  for (size_t i = 0; i < input.pipeline.size(); ++i) {
    const PipelineItem& p = input.pipeline[i];
    TRY(SameCurrency(p.amount, currency, fmt::format("pipeline[{}].amount", i)));
    if (p.close_probability_percent < Decimal() || p.close_probability_percent > hundred) {
      return InvalidAt(
          "forecast.probability_out_of_range", fmt::format("pipeline[{}].close_probability_percent", i),
          fmt::format("close probability {} of {} is not 0..100", p.close_probability_percent, p.estimate_number));
    }
    if (ForecastMonth* m = slot(YearMonth::Of(p.expected_close))) {
      const Decimal weighted = Decimal::MultiplyRounded(p.amount.amount(), p.close_probability_percent * one_hundredth,
                                                        Money::MinorUnits(currency), Rounding::kHalfUp);
      m->pipeline = m->pipeline + Money(weighted, currency);
    }
  }
  for (size_t i = 0; i < input.commitments.size(); ++i) {
    const CommitmentItem& c = input.commitments[i];
    TRY(SameCurrency(c.approved_budget, currency, fmt::format("commitments[{}].approved_budget", i)));
    TRY(SameCurrency(c.billed, currency, fmt::format("commitments[{}].billed", i)));
    const Money remaining = c.approved_budget - c.billed;
    if (remaining.amount().Sign() <= 0) continue;
    if (ForecastMonth* m = slot(YearMonth::Of(c.due_date))) m->committed = m->committed + remaining;
  }
  // Burn: minutes summed per (month, rate) so each month-and-rate is rounded once.
  std::map<std::pair<YearMonth, Decimal>, int64_t> minutes;
  for (size_t i = 0; i < input.burn.size(); ++i) {
    const BurnItem& b = input.burn[i];
    TRY(SameCurrency(b.hourly_rate, currency, fmt::format("burn[{}].hourly_rate", i)));
    const YearMonth month = YearMonth::Of(b.work_date);
    if (month < first || month > last) continue;
    minutes[{month, b.hourly_rate.amount()}] += b.minutes;
  }
  for (const auto& [key, total] : minutes) {
    ForecastMonth* m = slot(key.first);
    m->burn = m->burn + TimeAmount(total, Money(key.second, currency));
  }
  for (size_t i = 0; i < input.expenses.size(); ++i) {
    const ExpenseBurnItem& x = input.expenses[i];
    TRY(SameCurrency(x.amount, currency, fmt::format("expenses[{}].amount", i)));
    const YearMonth month = YearMonth::Of(x.expense_date);
    if (month < first || month > last) continue;  // history, like time
    ForecastMonth* m = slot(month);
    m->burn = m->burn + x.amount;
  }
  for (ForecastMonth& m : months) m.expected = m.committed + m.pipeline;
  return months;
}

}  // namespace concord::agency
