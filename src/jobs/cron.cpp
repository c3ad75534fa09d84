#include "jobs/cron.h"

#include <date/date.h>

#include <charconv>
#include <sstream>
#include <vector>

namespace concord::jobs {
namespace {

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

bool ToInt(const std::string& text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Parses one field into bits [lo, hi]; returns false on any malformed part.
template <size_t N>
bool ParseField(const std::string& field, int lo, int hi, std::bitset<N>& bits, bool& restricted) {
  restricted = field != "*";
  for (const std::string& part : Split(field, ',')) {
    std::string range = part;
    int step = 1;
    if (auto slash = part.find('/'); slash != std::string::npos) {
      range = part.substr(0, slash);
      if (!ToInt(part.substr(slash + 1), step) || step < 1) return false;
    }
    int from = lo, to = hi;
    if (range != "*") {
      if (auto dash = range.find('-'); dash != std::string::npos) {
        if (!ToInt(range.substr(0, dash), from) || !ToInt(range.substr(dash + 1), to)) return false;
      } else {
        if (!ToInt(range, from)) return false;
        to = part.find('/') != std::string::npos ? hi : from;
      }
    }
    if (from < lo || to > hi || from > to) return false;
    for (int v = from; v <= to; v += step) bits.set(static_cast<size_t>(v));
  }
  return true;
}

}  // namespace

Result<Cron> Cron::Parse(const std::string& expression) {
  std::istringstream in(expression);
  std::vector<std::string> fields;
  for (std::string f; in >> f;) fields.push_back(f);
  auto bad = [&](const std::string& what) {
    return Error::Invalid("schedule.bad_cron", "Cron expression \"" + expression + "\": " + what + ".",
                          {{"cron", "schedule.bad_cron", what}});
  };
  if (fields.size() != 5) return bad("expected 5 fields (minute hour day month weekday)");
  Cron cron;
  cron.expression_ = expression;
  bool unused = false;
  if (!ParseField(fields[0], 0, 59, cron.minutes_, unused)) return bad("bad minute field");
  if (!ParseField(fields[1], 0, 23, cron.hours_, unused)) return bad("bad hour field");
  if (!ParseField(fields[2], 1, 31, cron.days_, cron.days_restricted_)) return bad("bad day-of-month field");
  if (!ParseField(fields[3], 1, 12, cron.months_, unused)) return bad("bad month field");
  if (!ParseField(fields[4], 0, 7, cron.weekdays_, cron.weekdays_restricted_)) return bad("bad day-of-week field");
  if (cron.weekdays_.test(7)) cron.weekdays_.set(0);
  return cron;
}

bool Cron::Matches(std::chrono::sys_seconds t) const {
  const auto day = std::chrono::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{t - day};
  const unsigned weekday = date::weekday{day}.c_encoding();
  if (!minutes_.test(static_cast<size_t>(hms.minutes().count())) || !hours_.test(static_cast<size_t>(hms.hours().count())) ||
      !months_.test(static_cast<unsigned>(ymd.month()))) {
    return false;
  }
  const bool day_ok = days_.test(static_cast<unsigned>(ymd.day()));
  const bool weekday_ok = weekdays_.test(weekday);
  if (days_restricted_ && weekdays_restricted_) return day_ok || weekday_ok;
  return day_ok && weekday_ok;
}

std::chrono::sys_seconds Cron::Next(std::chrono::sys_seconds after) const {
  auto t = std::chrono::floor<std::chrono::minutes>(after) + std::chrono::minutes(1);
  // Four years of minutes covers every valid expression (Feb 29 on a given weekday included).
  for (int i = 0; i < 4 * 366 * 24 * 60; ++i, t += std::chrono::minutes(1)) {
    if (Matches(t)) return t;
  }
  return std::chrono::sys_seconds::max();
}

}  // namespace concord::jobs
