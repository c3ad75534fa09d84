// Fixed-width ASCII digit reading for the strict text formats core parses (dates, RFC 3339, clock times).
// Internal to core. std::from_chars is not used because it would accept a sign and variable width.
#pragma once

#include <optional>
#include <string_view>

namespace concord::internal {

// The value of exactly `width` digits at `pos`, or nullopt if any is missing or not 0-9.
inline std::optional<int> ReadDigits(std::string_view text, size_t pos, size_t width) {
  if (pos > text.size() || width > text.size() - pos) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace concord::internal
