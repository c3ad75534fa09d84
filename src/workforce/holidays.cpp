#include "workforce/holidays.h"

namespace concord::workforce {
namespace {

Date Nth(int year, unsigned month, date::weekday weekday, int n) {
  const Date first = Date::FromYmd(year, month, 1).value();
  int offset = static_cast<int>((weekday - first.weekday()).count());
  return first.AddDays(offset + 7 * (n - 1));
}

Date Last(int year, unsigned month, date::weekday weekday) {
  const Date next_month = month == 12 ? Date::FromYmd(year + 1, 1, 1).value() : Date::FromYmd(year, month + 1, 1).value();
  const Date last = next_month.AddDays(-1);
  return last.AddDays(-static_cast<int>((last.weekday() - weekday).count()));
}

Date Observed(Date day) {
  if (day.weekday() == date::Saturday) return day.AddDays(-1);
  if (day.weekday() == date::Sunday) return day.AddDays(1);
  return day;
}

}  // namespace

std::set<Date> FederalHolidays(int year) {
  auto fixed = [&](unsigned month, unsigned day) { return Observed(Date::FromYmd(year, month, day).value()); };
  return {fixed(1, 1),                          // New Year's Day
          Nth(year, 1, date::Monday, 3),        // Birthday of Martin Luther King, Jr.
          Nth(year, 2, date::Monday, 3),        // Washington's Birthday
          Last(year, 5, date::Monday),          // Memorial Day
          fixed(6, 19),                         // Juneteenth National Independence Day
          fixed(7, 4),                          // Independence Day
          Nth(year, 9, date::Monday, 1),        // Labor Day
          Nth(year, 10, date::Monday, 2),       // Columbus Day
          fixed(11, 11),                        // Veterans Day
          Nth(year, 11, date::Thursday, 4),     // Thanksgiving Day
          fixed(12, 25)};                       // Christmas Day
}

BusinessCalendar FederalBusinessCalendar(int from_year) {
  std::set<Date> holidays = FederalHolidays(from_year);
  holidays.merge(FederalHolidays(from_year + 1));
  return BusinessCalendar::Weekdays("UTC", {BusinessHours::Parse("09:00-17:00").value()}, std::move(holidays));
}

}  // namespace concord::workforce
