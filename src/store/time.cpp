#include "store/time.h"

#include <date/date.h>

#include <sstream>

namespace concord::store {

std::string FormatInstant(SysClock::time_point t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(t));
}

std::string FormatInstantMillis(SysClock::time_point t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(t));
}

SysClock::time_point ParseInstant(const std::string& text) {
  std::istringstream in(text);
  date::sys_time<std::chrono::milliseconds> t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail()) return SysClock::time_point{};
  return std::chrono::time_point_cast<SysClock::duration>(t);
}

}  // namespace concord::store
