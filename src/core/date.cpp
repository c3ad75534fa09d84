#include "core/date.h"

#include <fmt/format.h>

#include "core/ascii_digits.h"

namespace concord {

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  // Range first: date::year holds a short, so a wild year must not reach its constructor.
  const bool in_range = year >= 1 && year <= 9999 && month <= 12 && day <= 31;
  const date::year_month_day ymd{date::year(in_range ? year : 1), date::month(month), date::day(day)};
  if (!in_range || !ymd.ok()) {
    return Error::Invalid("date.invalid", fmt::format("no such date: {:04}-{:02}-{:02}", year, month, day));
  }
  return Date(date::sys_days(ymd));
}

Result<Date> Date::Parse(std::string_view text) {
  const std::optional<int> year = internal::ReadDigits(text, 0, 4), month = internal::ReadDigits(text, 5, 2),
                           day = internal::ReadDigits(text, 8, 2);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !year || !month || !day) {
    return Error::Invalid("date.invalid", fmt::format("not a date (YYYY-MM-DD): \"{}\"", text));
  }
  Result<Date> date = FromYmd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  if (!date.ok()) return Error::Invalid("date.invalid", fmt::format("no such date: \"{}\"", text));
  return date;
}

std::string Date::ToString() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

Result<Period> Period::Make(Date from, std::optional<Date> to) {
  if (to && *to < from) {
    return Error::Invalid("period.ends_before_start",
                          fmt::format("period ends ({}) before it starts ({})", *to, from),
                          {{"to", "period.ends_before_start", "must be on or after " + from.ToString()}});
  }
  return Period{from, to};
}

std::optional<Period> Period::Intersection(const Period& other) const {
  if (!Overlaps(other)) return std::nullopt;
  std::optional<Date> end = to;
  if (other.to && (!end || *other.to < *end)) end = other.to;
  return Period{std::max(from, other.from), end};
}

std::optional<int> Period::Days() const {
  if (!to) return std::nullopt;
  return DaysBetween(from, *to) + 1;
}

std::string Period::ToString() const { return from.ToString() + ".." + (to ? to->ToString() : ""); }

}  // namespace concord
