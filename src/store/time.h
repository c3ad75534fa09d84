// Instants as the store keeps them: ISO-8601 UTC text with seconds ("2026-11-22T03:58:00Z"), or with
// milliseconds where order within a second matters ("...T03:58:00.123Z"). Text sorts as time does.
#pragma once

#include <chrono>
#include <string>

namespace concord::store {

using SysClock = std::chrono::system_clock;

std::string FormatInstant(SysClock::time_point t);        // seconds precision
std::string FormatInstantMillis(SysClock::time_point t);  // milliseconds precision
// Parses what FormatInstant(Millis) writes; returns the epoch on malformed text.
SysClock::time_point ParseInstant(const std::string& text);
inline std::string NowText() { return FormatInstant(SysClock::now()); }

}  // namespace concord::store
