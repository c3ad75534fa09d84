// BusinessCalendar: when a business is open, in its own time zone. SLA clocks, response deadlines and
// "n business days" rules are computed against one.
//
// Hours are local wall-clock times, resolved to instants through the IANA time zone database (date::tz on
// the system tzdata), so a 09:00–17:00 day is 8 real hours whether or not the clocks changed overnight.
//
// Daylight-saving choice. A local clock time is mapped to an instant with date::choose::earliest:
//   - Ambiguous (the repeated hour when clocks go back): its first occurrence.
//   - Nonexistent (the skipped hour when clocks go forward): the instant of the transition, i.e. the
//     moment the clock jumps.
// So business time is "while the wall clock reads between start and end": 00:00–04:00 is 3 real hours on
// spring-forward day and 5 on fall-back day; hours wholly inside the skipped hour are empty that day;
// 01:00–01:30 on fall-back day counts the first half hour only.
//
// Thread safety: a plain value; const member functions may be called concurrently.
#pragma once

#include <date/date.h>

#include <array>
#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace concord {

// One open span of a day in local clock time, [start, end), as minutes after local midnight. end may be
// 24:00 (1440) to run to midnight.
struct BusinessHours {
  std::chrono::minutes start{0};
  std::chrono::minutes end{0};

  // "09:00-17:00" (24:00 allowed as an end). Error code "calendar.invalid_hours" naming the text.
  static Result<BusinessHours> Parse(std::string_view text);
  std::string ToString() const;  // "09:00-17:00"

  friend bool operator==(const BusinessHours&, const BusinessHours&) = default;
};

struct BusinessCalendar {
  // An IANA time zone name, e.g. "America/New_York"; "UTC" works too.
  std::string time_zone = "UTC";
  // Open hours per weekday, indexed by date::weekday::c_encoding() (0 = Sunday … 6 = Saturday). An empty
  // day is closed (a weekend). Spans within a day must not overlap; their order does not matter.
  std::array<std::vector<BusinessHours>, 7> weekly_hours;
  // Local dates on which the business is closed all day.
  std::set<Date> holidays;

  // Monday to Friday with the same spans each day.
  static BusinessCalendar Weekdays(std::string time_zone, std::vector<BusinessHours> hours,
                                   std::set<Date> holidays = {});
  // Open every minute of every day (24x7), except any holidays added later.
  static BusinessCalendar AlwaysOpen(std::string time_zone = "UTC");

  std::vector<BusinessHours>& HoursOn(date::weekday day) { return weekly_hours[day.c_encoding()]; }
  const std::vector<BusinessHours>& HoursOn(date::weekday day) const {
    return weekly_hours[day.c_encoding()];
  }

  // Checks the calendar before use. Errors, each with a field entry:
  //   calendar.unknown_time_zone  the zone is not in the tz database (the message names it)
  //   calendar.invalid_hours      a span is not 00:00 <= start < end <= 24:00
  //   calendar.overlapping_hours  two spans of one weekday overlap
  //   calendar.no_business_hours  no weekday has any hours (nothing could ever be computed)
  // With several problems the code is the first one's and every problem is listed in `fields`.
  Status Validate() const;

  // The functions below require Validate() to have succeeded. On a calendar it would refuse they throw
  // std::invalid_argument (unknown zone) rather than answer wrongly.

  // A weekday with hours that is not a holiday.
  bool IsBusinessDay(Date day) const;

  // The n-th business day after `day` (before it when n < 0), not counting `day` itself; n == 0 returns
  // `day` unchanged even when it is not a business day. AddBusinessDays(Wed before Thanksgiving, 1) is
  // Friday.
  Date AddBusinessDays(Date day, int n) const;

  // The instant at which `amount` of business time has elapsed from `start`. Time outside business hours
  // does not count, so a start outside hours begins at the next business moment; with amount == 0 the
  // answer is that next business moment (or `start` if already open). Finishing exactly at a closing time
  // answers the closing time, not the next opening. `amount` must not be negative (std::invalid_argument).
  Instant AddBusinessTime(Instant start, std::chrono::minutes amount) const;

  // Business time in [a, b), in whole minutes (seconds truncated toward zero); negative when b < a.
  std::chrono::minutes BusinessTimeBetween(Instant a, Instant b) const;

  // The business spans of one local date as UTC instants [open, close), in order; empty on holidays and
  // closed days. Useful for showing a day's hours.
  std::vector<std::pair<Instant, Instant>> OpenSpans(Date local_day) const;

  // The local calendar date in this calendar's zone at `t`.
  Date LocalDate(Instant t) const;
};

}  // namespace concord
