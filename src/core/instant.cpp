#include <fmt/format.h>

#include "core/ascii_digits.h"
#include "core/date.h"

namespace concord {

// RFC 3339 §5.6: full-date "T" partial-time time-offset, e.g. 2026-11-22T03:58:00.25+01:00.
Result<Instant> Instant::Parse(std::string_view text) {
  auto invalid = [&](std::string_view why) {
    return Error::Invalid("instant.invalid",
                          fmt::format("not an RFC 3339 date-time ({}): \"{}\"", why, text));
  };
  if (text.size() < 20) return invalid("too short");
  Result<Date> day = Date::Parse(text.substr(0, 10));
  if (!day.ok()) return invalid("bad date");
  const char sep = text[10];
  if (sep != 'T' && sep != 't' && sep != ' ') return invalid("expected 'T' after the date");
  const std::optional<int> hour = internal::ReadDigits(text, 11, 2),
                           minute = internal::ReadDigits(text, 14, 2),
                           second = internal::ReadDigits(text, 17, 2);
  if (!hour || !minute || !second || text[13] != ':' || text[16] != ':') return invalid("bad time");
  if (*hour > 23 || *minute > 59) return invalid("time out of range");
  if (*second > 59) return invalid("seconds out of range (leap seconds are not supported)");
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    const size_t first = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == first) return invalid("empty fraction");
  }
  std::chrono::minutes offset{0};
  const std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    // UTC.
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const std::optional<int> oh = internal::ReadDigits(zone, 1, 2), om = internal::ReadDigits(zone, 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return invalid("bad offset");
    offset = std::chrono::hours(*oh) + std::chrono::minutes(*om);
    if (zone[0] == '-') offset = -offset;
  } else {
    return invalid("expected 'Z' or an offset like +05:30");
  }
  // The text is local time at `offset`; UTC = local - offset.
  const std::chrono::sys_seconds local = day->sys_days() + std::chrono::hours(*hour) +
                                         std::chrono::minutes(*minute) + std::chrono::seconds(*second);
  return Instant(local - offset);
}

std::string Instant::ToString() const {
  const auto days = std::chrono::floor<date::days>(time_);
  const date::hh_mm_ss<std::chrono::seconds> tod(time_ - days);
  return fmt::format("{}T{:02}:{:02}:{:02}Z", Date(days).ToString(), tod.hours().count(),
                     tod.minutes().count(), tod.seconds().count());
}

}  // namespace concord
