#include "wfm/shifts.h"

#include <charconv>
#include <map>
#include <set>

#include "core/date.h"

namespace concord::wfm {

std::optional<int> ParseClock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (std::from_chars(text.data(), text.data() + 2, h).ec != std::errc() ||
      std::from_chars(text.data() + 3, text.data() + 5, m).ec != std::errc() || h > 23 || m > 59) {
    return std::nullopt;
  }
  return h * 60 + m;
}

std::vector<FieldError> CheckShift(const Shift& s, const std::string& where) {
  std::vector<FieldError> errors;
  auto at = [&](const char* field) { return where + field; };
  if (!Date::Parse(s.day).ok()) errors.push_back({at("date"), "wfm.date_invalid", "A date is YYYY-MM-DD."});
  if (s.start_min < 0 || s.start_min >= 1440) errors.push_back({at("start"), "wfm.start_invalid", "A start is HH:MM."});
  if (s.end_min <= s.start_min) errors.push_back({at("end"), "wfm.shift_end", "The shift must end after it starts."});
  else if (s.end_min - s.start_min > 1440) errors.push_back({at("end"), "wfm.shift_length", "A shift is at most 24 hours."});
  if (s.agent.empty()) errors.push_back({at("agent"), "field.required", "Name the agent."});
  return errors;
}

std::vector<ScheduleEntry> ScheduledFromShifts(const std::vector<Shift>& shifts, int interval_min) {
  std::map<std::pair<std::string, int>, int> count;
  for (const Shift& s : shifts) {
    const auto day = Date::Parse(s.day);
    if (!day.ok() || interval_min <= 0) continue;
    const int first = (s.start_min + interval_min - 1) / interval_min * interval_min;  // first whole interval
    for (int t = first; t + interval_min <= s.end_min; t += interval_min)
      ++count[{day->AddDays(t / 1440).ToString(), t % 1440}];
  }
  std::vector<ScheduleEntry> out;
  for (const auto& [key, n] : count) out.push_back({key.first, key.second, n});
  return out;
}

std::vector<ScheduleEntry> MergeSchedules(const std::vector<ScheduleEntry>& imported,
                                          const std::vector<ScheduleEntry>& rostered) {
  std::set<std::string> rostered_days;
  for (const auto& e : rostered) rostered_days.insert(e.day);
  std::map<std::pair<std::string, int>, int> merged;
  for (const auto& e : imported)
    if (!rostered_days.count(e.day)) merged[{e.day, e.start_min}] = e.scheduled;
  for (const auto& e : rostered) merged[{e.day, e.start_min}] = e.scheduled;
  std::vector<ScheduleEntry> out;
  for (const auto& [key, n] : merged) out.push_back({key.first, key.second, n});
  return out;
}

}  // namespace concord::wfm
