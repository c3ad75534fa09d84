#include "core/calendar.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "core/ascii_digits.h"

namespace concord {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr minutes kDay{24 * 60};
// A search that meets this many closed days in a row gives up: a valid calendar is open some day each
// week, so only a decade of holidays could get here.
constexpr int kMaxClosedDays = 3660;

const char* const kDayNames[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};

const date::time_zone* ZoneOrThrow(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw std::invalid_argument("BusinessCalendar: unknown time zone \"" + name + "\" (call Validate first)");
  }
}

// Local clock time -> instant, per the daylight-saving choice documented in calendar.h.
sys_seconds ToSys(const date::time_zone* zone, Date day, minutes clock) {
  const date::local_seconds local{day.sys_days().time_since_epoch() + clock};
  return zone->to_sys(local, date::choose::earliest);
}

std::vector<std::pair<sys_seconds, sys_seconds>> Spans(const BusinessCalendar& calendar,
                                                       const date::time_zone* zone, Date day) {
  std::vector<std::pair<sys_seconds, sys_seconds>> spans;
  if (calendar.holidays.contains(day)) return spans;
  for (const BusinessHours& hours : calendar.HoursOn(day.weekday())) {
    const sys_seconds open = ToSys(zone, day, hours.start), close = ToSys(zone, day, hours.end);
    if (open < close) spans.emplace_back(open, close);  // empty when inside a skipped hour
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

Date LocalDateIn(const date::time_zone* zone, sys_seconds t) {
  const date::local_seconds local = zone->to_local(t);
  return Date(date::sys_days(std::chrono::floor<date::days>(local).time_since_epoch()));
}

std::string Clock(minutes m) { return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60); }

std::optional<minutes> ParseClock(std::string_view text) {
  const std::optional<int> h = internal::ReadDigits(text, 0, 2), m = internal::ReadDigits(text, 3, 2);
  if (text.size() != 5 || text[2] != ':' || !h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) {
    return std::nullopt;
  }
  return minutes(*h * 60 + *m);
}

}  // namespace

Result<BusinessHours> BusinessHours::Parse(std::string_view text) {
  const size_t dash = text.find('-');
  std::optional<minutes> start, end;
  if (dash != std::string_view::npos) {
    start = ParseClock(text.substr(0, dash));
    end = ParseClock(text.substr(dash + 1));
  }
  if (!start || !end || *start >= *end) {
    return Error::Invalid("calendar.invalid_hours",
                          fmt::format("not business hours (HH:MM-HH:MM, start before end): \"{}\"", text));
  }
  return BusinessHours{*start, *end};
}

std::string BusinessHours::ToString() const { return Clock(start) + "-" + Clock(end); }

BusinessCalendar BusinessCalendar::Weekdays(std::string time_zone, std::vector<BusinessHours> hours,
                                            std::set<Date> holidays) {
  BusinessCalendar calendar;
  calendar.time_zone = std::move(time_zone);
  for (date::weekday day : {date::Monday, date::Tuesday, date::Wednesday, date::Thursday, date::Friday}) {
    calendar.HoursOn(day) = hours;
  }
  calendar.holidays = std::move(holidays);
  return calendar;
}

BusinessCalendar BusinessCalendar::AlwaysOpen(std::string time_zone) {
  BusinessCalendar calendar;
  calendar.time_zone = std::move(time_zone);
  for (auto& day : calendar.weekly_hours) day = {BusinessHours{minutes(0), kDay}};
  return calendar;
}

Status BusinessCalendar::Validate() const {
  std::vector<FieldError> problems;
  try {
    date::locate_zone(time_zone);
  } catch (const std::exception&) {
    problems.push_back(
        {"time_zone", "calendar.unknown_time_zone",
         fmt::format("unknown time zone \"{}\" (expected an IANA name such as America/New_York)",
                     time_zone)});
  }
  bool any_hours = false;
  for (int d = 0; d < 7; ++d) {
    std::vector<BusinessHours> day = weekly_hours[d];
    std::sort(day.begin(), day.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    for (size_t i = 0; i < day.size(); ++i) {
      const std::string field = fmt::format("weekly_hours.{}", kDayNames[d]);
      if (day[i].start < minutes(0) || day[i].start >= day[i].end || day[i].end > kDay) {
        problems.push_back({field, "calendar.invalid_hours",
                            fmt::format("{} hours {}..{} minutes are not 00:00 <= start < end <= 24:00",
                                        kDayNames[d], day[i].start.count(), day[i].end.count())});
      } else if (i > 0 && day[i].start < day[i - 1].end) {
        problems.push_back({field, "calendar.overlapping_hours",
                            fmt::format("{} hours {} and {} overlap", kDayNames[d], day[i - 1].ToString(),
                                        day[i].ToString())});
      }
      any_hours = true;
    }
  }
  if (!any_hours) {
    problems.push_back({"weekly_hours", "calendar.no_business_hours", "the calendar has no business hours"});
  }
  if (problems.empty()) return {};
  std::string message = problems.front().message;
  for (size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i].message;
  const std::string code = problems.front().code;
  return Error::Invalid(code, message, std::move(problems));
}

bool BusinessCalendar::IsBusinessDay(Date day) const {
  return !HoursOn(day.weekday()).empty() && !holidays.contains(day);
}

Date BusinessCalendar::AddBusinessDays(Date day, int n) const {
  const int step = n < 0 ? -1 : 1;
  int closed_in_a_row = 0;
  while (n != 0) {
    day = day.AddDays(step);
    if (IsBusinessDay(day)) {
      n -= step;
      closed_in_a_row = 0;
    } else if (++closed_in_a_row > kMaxClosedDays) {
      throw std::invalid_argument("BusinessCalendar: no business day within ten years of " + day.ToString());
    }
  }
  return day;
}

Instant BusinessCalendar::AddBusinessTime(Instant start, minutes amount) const {
  if (amount < minutes(0)) throw std::invalid_argument("AddBusinessTime: negative amount");
  const date::time_zone* zone = ZoneOrThrow(time_zone);
  const sys_seconds from = start.time();
  seconds remaining = amount;
  // Begin a day early: the local date of `start` is exact, but one day's margin costs little and keeps the
  // loop independent of how a zone maps its clock.
  Date day = LocalDateIn(zone, from).AddDays(-1);
  for (int closed_in_a_row = 0;; day = day.AddDays(1)) {
    const auto spans = Spans(*this, zone, day);
    if (spans.empty() && ++closed_in_a_row > kMaxClosedDays) {
      throw std::invalid_argument("BusinessCalendar: no business hours within ten years of " +
                                  day.ToString());
    }
    if (!spans.empty()) closed_in_a_row = 0;
    for (const auto& [open, close] : spans) {
      if (close <= from) continue;
      const sys_seconds begin = std::max(open, from);
      if (remaining <= close - begin) return Instant(begin + remaining);
      remaining -= close - begin;
    }
  }
}

minutes BusinessCalendar::BusinessTimeBetween(Instant a, Instant b) const {
  if (b < a) return -BusinessTimeBetween(b, a);
  const date::time_zone* zone = ZoneOrThrow(time_zone);
  seconds total{0};
  const Date last = LocalDateIn(zone, b.time()).AddDays(1);
  for (Date day = LocalDateIn(zone, a.time()).AddDays(-1); day <= last; day = day.AddDays(1)) {
    for (const auto& [open, close] : Spans(*this, zone, day)) {
      const sys_seconds begin = std::max(open, a.time()), end = std::min(close, b.time());
      if (begin < end) total += end - begin;
    }
  }
  return std::chrono::duration_cast<minutes>(total);
}

std::vector<std::pair<Instant, Instant>> BusinessCalendar::OpenSpans(Date local_day) const {
  std::vector<std::pair<Instant, Instant>> out;
  for (const auto& [open, close] : Spans(*this, ZoneOrThrow(time_zone), local_day)) {
    out.emplace_back(Instant(open), Instant(close));
  }
  return out;
}

Date BusinessCalendar::LocalDate(Instant t) const { return LocalDateIn(ZoneOrThrow(time_zone), t.time()); }

}  // namespace concord
