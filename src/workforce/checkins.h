// Check-ins per a programme's delivery schedule (seed: "periodic outreach and quality service check-ins
// with Client and their workforce per defined delivery schedule (as approved by MSP)"). The next
// check-in is due one interval after the last outreach to the worker, or after the assignment's start
// when there has been none. Weeks add 7 or 14 days; months add calendar months, clamped to the month's
// last day (January 31 + one month = February 28, or 29 in a leap year).
//
// Pure. Thread-safe.
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include "core/date.h"

namespace concord::workforce {

// nullopt when the schedule is empty or unknown (no check-ins asked for). Header-only so the coordinator's
// home (vms_audit_service.cpp) needs no new translation unit.
namespace checkins_detail {

inline Date AddMonths(Date from, int months) {
  const auto ymd = from.ymd();
  const date::year_month ym = date::year_month(ymd.year(), ymd.month()) + date::months(months);
  const date::day last = date::year_month_day_last(ym.year(), date::month_day_last(ym.month())).day();
  return Date(date::sys_days(date::year_month_day(ym.year(), ym.month(), std::min(ymd.day(), last))));
}

}  // namespace checkins_detail

inline std::optional<Date> NextCheckIn(const std::string& schedule, Date start, std::optional<Date> last_contact) {
  const Date from = last_contact && *last_contact > start ? *last_contact : start;
  if (schedule == "weekly") return from.AddDays(7);
  if (schedule == "biweekly") return from.AddDays(14);
  if (schedule == "monthly") return checkins_detail::AddMonths(from, 1);
  if (schedule == "quarterly") return checkins_detail::AddMonths(from, 3);
  return std::nullopt;
}

}  // namespace concord::workforce
