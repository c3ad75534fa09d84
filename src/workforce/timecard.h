// Weekly timecards (issue 4 "Timecards and expenses"): hours by day (Monday … Sunday) and type (regular,
// overtime, double time), as decimals — never floating point. Pure rules: the shape of a week's hours,
// its totals, which week a date falls in, and which status changes a timecard may make.
//
// Pure. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::workforce {

inline constexpr const char* kHourTypes[] = {"regular", "overtime", "double_time"};

struct WeekHours {
  nlohmann::json hours;  // {"regular": ["8.00", …7], "overtime": […7], "double_time": […7]}, two places
  Decimal total;         // every hour of the week
  Decimal regular, overtime, double_time;
};

// Checks and normalises a week's hours: each type a list of 7 amounts (strings like "7.5", or integers;
// a missing type is all zero), each between 0 and 24 with at most two decimal places, and no day over
// 24 hours in all. Field errors name "hours/<type>/<day index>" or "hours/day <n>".
Result<WeekHours> ParseWeekHours(const nlohmann::json& hours);

// The Monday of the week containing `day` (ISO 8601 weeks start on Monday).
Date WeekStart(Date day);

// The week a missing-timecard reminder run covers: the chosen week (any day of it; its Monday is returned)
// when given, else last week — the scheduled run's week. Only a finished week can be missing: the current
// week or a later one is refused (reminders.week_not_past, a field error on week_start).
Result<Date> ReminderWeek(Date today, std::optional<Date> chosen);

// Timecard status changes: submit (draft/rejected → submitted), approve / reject (submitted → approved /
// rejected; a rejection needs a reason). Errors: timecard.invalid_action (kConflict) naming the status,
// timecard.reason_required (kInvalid).
Result<std::string> NextTimecardStatus(const std::string& status, const std::string& action,
                                       const std::string& reason);

}  // namespace concord::workforce
