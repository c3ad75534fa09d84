#include "workforce/final_pay.h"

#include <fmt/format.h>

namespace concord::workforce {
namespace {

Error PaydayRequired(std::string_view field, const FinalPayStateRule& row) {
  std::string message =
      fmt::format("{} final pay is due on a regular payday ({}): give {}", row.state, row.citation, field);
  return Error::Invalid("final_pay.payday_required", message, {FieldError{std::string(field), "required", message}});
}

Result<Date> Payday(const std::optional<Date>& payday, std::string_view field, const SeparationFacts& facts,
                    const FinalPayStateRule& row) {
  if (!payday) return PaydayRequired(field, row);
  if (*payday < facts.last_day_worked) {
    std::string message = fmt::format("{} {} is before the last day worked {}", field, *payday, facts.last_day_worked);
    return Error::Invalid("final_pay.payday_before_last_day", message,
                          {FieldError{std::string(field), "before_last_day", message}});
  }
  return *payday;
}

// Ohio R.C. 4113.15(A): wages of the 1st–15th are due by the 1st of the next month; wages of the 16th to
// the month's end by the 15th of the next month.
Date OhioSemiMonthly(Date last_day) {
  const auto next_month = date::year_month(last_day.ymd().year(), last_day.ymd().month()) + date::months(1);
  const date::day day = last_day.day() <= 15 ? date::day(1) : date::day(15);
  return Date(date::sys_days(next_month / day));
}

// The first Saturday after `day` (a Saturday gives the next one): Mass. G.L. c.149 §148, "the following
// Saturday".
Date FollowingSaturday(Date day) {
  const int ahead = static_cast<int>((date::Saturday - day.weekday()).count());
  return day.AddDays(ahead == 0 ? 7 : ahead);
}

}  // namespace

const FinalPayStateRule* FinalPayTable::Find(std::string_view state) const {
  for (const auto& row : rules) {
    if (row.state == state) return &row;
  }
  return nullptr;
}

Result<FinalPayDeadline> FinalPayDue(const SeparationFacts& facts, const BusinessCalendar& calendar,
                                     const FinalPayTable& table) {
  const FinalPayStateRule* row = table.Find(facts.state);
  if (row == nullptr) {
    std::string message = fmt::format("no final-pay rule for state '{}' in table {}", facts.state, table.version);
    return Error::Invalid("final_pay.unknown_state", message, {FieldError{"state", "unknown", message}});
  }
  const FinalPayProvision* provision = &row->involuntary;
  if (facts.kind == SeparationKind::kResignation) {
    const bool enough_notice =
        row->resignation_with_notice && facts.notice_hours && *facts.notice_hours >= row->notice_threshold_hours;
    provision = enough_notice ? &*row->resignation_with_notice : &row->resignation;
  }

  FinalPayDeadline out;
  out.rule_text = std::string(provision->text);
  out.citation = std::string(row->citation);
  out.statutory = row->statutory;
  out.table_version = std::string(table.version);
  const Date last = facts.last_day_worked;
  switch (provision->rule) {
    case FinalPayRule::kImmediately:
      out.due_date = last;
      out.due_instant = facts.separation_time;
      break;
    case FinalPayRule::kHoursAfterSeparation:
      // Whole days of the hour count from the separation day; the instant is exact when the moment is known.
      out.due_date = last.AddDays(provision->hours / 24);
      if (facts.separation_time) out.due_instant = *facts.separation_time + std::chrono::hours(provision->hours);
      break;
    case FinalPayRule::kDaysAfterSeparation: {
      Date due = last.AddDays(provision->days);
      while (provision->roll_forward && !calendar.IsBusinessDay(due)) due = due.AddDays(1);
      out.due_date = due;
      break;
    }
    case FinalPayRule::kNextRegularPayday:
      out.due_date = TRY(Payday(facts.next_regular_payday, "next_regular_payday", facts, *row));
      break;
    case FinalPayRule::kPaydayForFinalPeriod:
      out.due_date = TRY(Payday(facts.payday_for_final_period, "payday_for_final_period", facts, *row));
      break;
    case FinalPayRule::kNextPaydayElseSaturday:
      if (facts.next_regular_payday) {
        out.due_date = TRY(Payday(facts.next_regular_payday, "next_regular_payday", facts, *row));
      } else {
        out.due_date = FollowingSaturday(last);
      }
      break;
    case FinalPayRule::kSemiMonthlyStatutory:
      out.due_date = OhioSemiMonthly(last);
      break;
  }
  return out;
}

}  // namespace concord::workforce
