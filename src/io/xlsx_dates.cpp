#include "io/xlsx_dates.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/date.h"

namespace concord::io {

XlsxNumberFormat ClassifyNumberFormat(int num_fmt_id, std::string_view code) {
  if (code.empty()) {
    if (num_fmt_id >= 14 && num_fmt_id <= 17) return {true, false};
    if (num_fmt_id == 22) return {true, true};
    return {};
  }
  XlsxNumberFormat result;
  bool clock = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == ';') break;  // later sections are for negatives, zero and text
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal or padding
    } else if (c == 'y' || c == 'd') {
      result.date = true;
    } else if (c == 'h' || c == 's') {
      clock = true;
    }
  }
  result.time = result.date && clock;
  return result;
}

Result<std::string> SerialToIso(std::string_view serial, bool date1904, bool with_time) {
  double value = 0;
  const auto [end, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
  if (ec != std::errc{} || end != serial.data() + serial.size() || !std::isfinite(value)) {
    return Error::Invalid("xlsx.date", "\"" + std::string(serial) + "\" is not a serial day number");
  }
  double whole = std::floor(value);
  auto seconds = static_cast<long>(std::lround((value - whole) * 86400.0));
  if (seconds == 86400) {
    whole += 1;
    seconds = 0;
  }
  if (whole > 3'000'000) {  // past 9999-12-31 in both systems; keeps the day count in range
    return Error::Invalid("xlsx.date", "serial " + std::string(serial) + " is after 9999-12-31");
  }
  const date::sys_days first_day_after_leap_bug = date::sys_days{date::year{1899} / 12 / 30};
  date::sys_days day;
  if (date1904) {
    if (whole < 0) return Error::Invalid("xlsx.date", "serial " + std::string(serial) + " is before 1904-01-01");
    day = date::sys_days{date::year{1904} / 1 / 1} + date::days{static_cast<long>(whole)};
  } else {
    if (whole < 1) return Error::Invalid("xlsx.date", "serial " + std::string(serial) + " is before 1900-01-01");
    if (whole == 60) {
      return Error::Invalid("xlsx.date", "serial 60 is 1900-02-29, a day that does not exist");
    }
    day = whole < 60 ? date::sys_days{date::year{1899} / 12 / 31} + date::days{static_cast<long>(whole)}
                     : first_day_after_leap_bug + date::days{static_cast<long>(whole)};
  }
  if (day > date::sys_days{date::year{9999} / 12 / 31}) {
    return Error::Invalid("xlsx.date", "serial " + std::string(serial) + " is after 9999-12-31");
  }
  std::string text = Date(day).ToString();
  if (with_time && seconds != 0) {
    char clock[64];
    std::snprintf(clock, sizeof clock, "T%02ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
    text += clock;
  }
  return text;
}

}  // namespace concord::io
