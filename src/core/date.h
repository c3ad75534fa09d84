// Civil dates, UTC instants and effective-dated periods.
//
//   Date             a local calendar date with no time zone ("2026-11-22"): due dates, holidays, coverage
//                    start dates. Where the business means a date, store a Date, never an Instant.
//   Instant          a moment in UTC with whole-second precision, written as RFC 3339.
//   Period           an inclusive range of Dates [from, to], open-ended when `to` is absent.
//   EffectiveSeries  values each effective from a date (rates, prices, coverages): "what was in force on d?"
//
// All are value types; const use from many threads is safe.
#pragma once

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace concord {

class Date {
 public:
  // 1970-01-01; prefer Parse or FromYmd.
  constexpr Date() = default;
  constexpr explicit Date(date::sys_days days) : days_(days) {}

  // Strictly "YYYY-MM-DD" with a real calendar day (2026-02-29 is refused), years 0001..9999.
  // Error code "date.invalid" naming the text.
  static Result<Date> Parse(std::string_view text);
  // Error code "date.invalid" when the day does not exist.
  static Result<Date> FromYmd(int year, unsigned month, unsigned day);

  std::string ToString() const;  // "2026-11-22"

  date::sys_days sys_days() const { return days_; }
  date::year_month_day ymd() const { return date::year_month_day(days_); }
  int year() const { return static_cast<int>(ymd().year()); }
  unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  unsigned day() const { return static_cast<unsigned>(ymd().day()); }
  date::weekday weekday() const { return date::weekday(days_); }

  Date AddDays(int days) const { return Date(days_ + date::days(days)); }

  friend constexpr bool operator==(const Date&, const Date&) = default;
  friend constexpr std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.days_.time_since_epoch().count() <=> b.days_.time_since_epoch().count();
  }

 private:
  date::sys_days days_{};
};

// Whole days from `from` to `to`: DaysBetween(2026-01-01, 2026-01-31) == 30; negative if `to` is earlier.
inline int DaysBetween(Date from, Date to) { return (to.sys_days() - from.sys_days()).count(); }

class Instant {
 public:
  constexpr Instant() = default;  // 1970-01-01T00:00:00Z
  constexpr explicit Instant(std::chrono::sys_seconds time) : time_(time) {}
  static Instant FromUnixSeconds(int64_t seconds) {
    return Instant(std::chrono::sys_seconds(std::chrono::seconds(seconds)));
  }

  // RFC 3339 date-time: "2026-11-22T03:58:00Z", "2026-11-21T22:58:00-05:00", lower-case "t"/"z" and a
  // space for "T" accepted (RFC 3339 §5.6 note). Fractional seconds are accepted and truncated: Instant
  // keeps whole seconds. Leap seconds (":60") are refused: UTC as std::chrono::system_clock counts it has
  // none. Error code "instant.invalid" naming the text.
  static Result<Instant> Parse(std::string_view text);

  // Always UTC with "Z": "2026-11-22T03:58:00Z".
  std::string ToString() const;

  std::chrono::sys_seconds time() const { return time_; }
  int64_t unix_seconds() const { return time_.time_since_epoch().count(); }
  // The calendar date in UTC (for a local date, convert through a time zone; see calendar.h).
  Date UtcDate() const { return Date(std::chrono::floor<date::days>(time_)); }

  friend Instant operator+(Instant a, std::chrono::seconds d) { return Instant(a.time_ + d); }
  friend Instant operator-(Instant a, std::chrono::seconds d) { return Instant(a.time_ - d); }
  friend std::chrono::seconds operator-(Instant a, Instant b) { return a.time_ - b.time_; }
  friend constexpr bool operator==(const Instant&, const Instant&) = default;
  friend constexpr std::strong_ordering operator<=>(const Instant& a, const Instant& b) {
    return a.time_.time_since_epoch().count() <=> b.time_.time_since_epoch().count();
  }

 private:
  std::chrono::sys_seconds time_{};
};

// An effective-dated range of days, both ends inclusive; `to` absent means "until further notice".
struct Period {
  Date from;
  std::optional<Date> to;

  // Error code "period.ends_before_start" (field "to") when to < from. A one-day period has to == from.
  static Result<Period> Make(Date from, std::optional<Date> to);

  bool IsOpen() const { return !to.has_value(); }
  bool Contains(Date date) const { return from <= date && (!to || date <= *to); }
  // True when some day lies in both.
  bool Overlaps(const Period& other) const {
    return (!to || other.from <= *to) && (!other.to || from <= *other.to);
  }
  // The days in both, or nullopt when they do not overlap.
  std::optional<Period> Intersection(const Period& other) const;
  // Number of days, counting both ends; nullopt when open-ended.
  std::optional<int> Days() const;
  // "2026-01-01..2026-12-31", or "2026-01-01.." when open-ended.
  std::string ToString() const;

  friend bool operator==(const Period&, const Period&) = default;
};

// Values of T, each in force from its effective date until the next change (or forever). Changes may be
// recorded in any order: a change dated before the latest one (a retroactive correction) takes effect on
// its date and stays in force only until the following change.
template <class T>
class EffectiveSeries {
 public:
  // `value` is in force from `from` until the next recorded change. A change already recorded on the same
  // date is replaced (a correction of that change).
  void Set(Date from, T value) { changes_.insert_or_assign(from, std::move(value)); }

  // `value` is in force from `from` onward; every change dated after `from` is discarded (a correction that
  // supersedes later history, e.g. "rate is 12.00 from March on, whatever we said before").
  void ReplaceFrom(Date from, T value) {
    changes_.erase(changes_.upper_bound(from), changes_.end());
    Set(from, std::move(value));
  }

  // Removes the change effective on `from`; false when there was none.
  bool Erase(Date from) { return changes_.erase(from) > 0; }

  // The value in force on `date`, or nullptr before the first change. The pointer is valid until the series
  // is next modified.
  const T* At(Date date) const {
    auto it = changes_.upper_bound(date);
    if (it == changes_.begin()) return nullptr;
    return &std::prev(it)->second;
  }

  // The span during which the value in force on `date` holds, or nullopt before the first change.
  std::optional<Period> PeriodAt(Date date) const {
    auto next = changes_.upper_bound(date);
    if (next == changes_.begin()) return std::nullopt;
    return SpanOf(std::prev(next));
  }

  // Every change with the span it is in force, in date order.
  std::vector<std::pair<Period, T>> Timeline() const {
    std::vector<std::pair<Period, T>> out;
    for (auto it = changes_.begin(); it != changes_.end(); ++it) out.emplace_back(SpanOf(it), it->second);
    return out;
  }

  const std::map<Date, T>& changes() const { return changes_; }
  bool empty() const { return changes_.empty(); }
  size_t size() const { return changes_.size(); }

 private:
  Period SpanOf(typename std::map<Date, T>::const_iterator it) const {
    auto next = std::next(it);
    if (next == changes_.end()) return Period{it->first, std::nullopt};
    return Period{it->first, next->first.AddDays(-1)};
  }

  std::map<Date, T> changes_;
};

}  // namespace concord

template <>
struct std::hash<concord::Date> {
  size_t operator()(const concord::Date& d) const noexcept {
    return std::hash<int>()(d.sys_days().time_since_epoch().count());
  }
};

template <>
struct fmt::formatter<concord::Date> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const concord::Date& d, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(d.ToString(), ctx);
  }
};

template <>
struct fmt::formatter<concord::Instant> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const concord::Instant& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.ToString(), ctx);
  }
};
