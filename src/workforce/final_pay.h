// Final-pay deadlines by work state (issue 4 "Ends"; reference notes §4.5). The rules are data: a versioned
// table, one row per state, each with the statute it comes from (final_pay_table.cpp). FinalPayDue()
// applies the row of the work state to the facts of one separation.
//
// Pure: no clock, no I/O. Thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

enum class SeparationKind {
  kInvoluntary,  // discharge, termination, layoff, client-ended assignment the employer acts on
  kResignation,  // the employee quits; notice (or none) is in SeparationFacts::notice_hours
};

// How a deadline is found. Each table row names one per kind of separation.
enum class FinalPayRule {
  kImmediately,             // on the separation day itself (at the moment of separation)
  kHoursAfterSeparation,    // `hours` after the separation (CA: 72 hours after a quit without notice)
  kDaysAfterSeparation,     // `days` calendar days after; a deadline on a weekend/holiday moves to the
                            // next business day when `roll_forward` (TX: sixth day, Gov't Code §311.014)
  kNextRegularPayday,       // the first regular payday after the last day worked
  kPaydayForFinalPeriod,    // the regular payday of the pay period in which the separation occurred
  kNextPaydayElseSaturday,  // next regular payday; with none, the following Saturday (MA c.149 §148)
  kSemiMonthlyStatutory,    // OH R.C. 4113.15(A): earned 1st–15th → by the 1st of next month; earned
                            // 16th–end → by the 15th of next month
};

struct FinalPayProvision {
  FinalPayRule rule = FinalPayRule::kNextRegularPayday;
  int hours = 0;              // kHoursAfterSeparation
  int days = 0;               // kDaysAfterSeparation
  bool roll_forward = false;  // kDaysAfterSeparation
  std::string_view text;      // the rule in words, for letters and screens
};

// One state's rule. When a resignation came with at least `notice_threshold_hours` of notice,
// `resignation_with_notice` applies instead of `resignation` (CA §202(a): 72 hours).
struct FinalPayStateRule {
  std::string_view state;  // USPS code, "CA"
  FinalPayProvision involuntary;
  FinalPayProvision resignation;
  std::optional<FinalPayProvision> resignation_with_notice;
  int notice_threshold_hours = 0;
  std::string_view citation;
  bool statutory = true;   // false where no state statute sets a final-pay deadline (FL, GA)
  std::string_view notes;  // penalties, caveats, what to verify
};

struct FinalPayTable {
  std::string_view version;  // e.g. "2026-11-22"; stored with each computed deadline
  std::span<const FinalPayStateRule> rules;
  const FinalPayStateRule* Find(std::string_view state) const;
};

// The table in force in this build: at least the ten largest states (CA, TX, FL, NY, PA, IL, OH, GA, NC,
// MI) and MA, NJ, WA from the reference notes.
const FinalPayTable& CurrentFinalPayTable();

struct SeparationFacts {
  std::string state;  // the work state, USPS code
  SeparationKind kind = SeparationKind::kInvoluntary;
  // Also taken as the day of the discharge or quit (the day the clocks of TX, CA and MA start).
  Date last_day_worked;
  // The moment of the discharge or quit, when known: gives the due instant of hour-based and immediate rules.
  std::optional<Instant> separation_time;
  // Resignations: hours of notice the employee gave before quitting; nullopt or 0 = no notice.
  std::optional<int> notice_hours;
  // The first regular payday after the last day worked.
  std::optional<Date> next_regular_payday;
  // The regular payday on which the wages of the pay period containing the last day worked are paid.
  std::optional<Date> payday_for_final_period;
};

struct FinalPayDeadline {
  Date due_date;
  // Hour rules (CA 72 h): due_date is the separation day plus the whole days of the hours, the local date
  // on which the hours run out; due_instant is exact when separation_time was given. Immediate rules: the
  // separation day and, when given, separation_time.
  std::optional<Instant> due_instant;
  std::string rule_text;
  std::string citation;
  bool statutory = true;
  std::string table_version;
};

// The deadline for paying all final wages. `calendar` gives the state's business days (weekends and legal
// holidays) for rules that move off non-business days; only IsBusinessDay is used, so any calendar whose
// hours are set works. Errors (kInvalid):
//   final_pay.unknown_state        the table has no row for facts.state
//   final_pay.payday_required      the rule needs next_regular_payday / payday_for_final_period (field named)
//   final_pay.payday_before_last_day  a payday given is before the last day worked
Result<FinalPayDeadline> FinalPayDue(const SeparationFacts& facts, const BusinessCalendar& calendar,
                                     const FinalPayTable& table = CurrentFinalPayTable());

}  // namespace concord::workforce
