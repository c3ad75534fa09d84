// Five-field cron expressions (minute hour day-of-month month day-of-week), as in POSIX crontab:
// numbers, `*`, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`. Day-of-week 0 or 7 is Sunday.
// When both day fields are restricted, a time matches either (the crontab(5) rule).
// Times are UTC minutes: schedules fire once per matching minute across every instance.
#pragma once

#include <bitset>
#include <chrono>
#include <string>

#include "core/result.h"

namespace concord::jobs {

class Cron {
 public:
  static Result<Cron> Parse(const std::string& expression);
  // The first matching minute strictly after `after`.
  std::chrono::sys_seconds Next(std::chrono::sys_seconds after) const;
  const std::string& expression() const { return expression_; }

 private:
  bool Matches(std::chrono::sys_seconds minute) const;
  std::string expression_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;
  std::bitset<13> months_;
  std::bitset<8> weekdays_;
  bool days_restricted_ = false;
  bool weekdays_restricted_ = false;
};

}  // namespace concord::jobs
