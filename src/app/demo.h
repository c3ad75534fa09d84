// `concord demo`: a deterministic set of realistic, generated demo data (no real people), through the
// same services users go through, so every record carries its audit trail. Later modules add their own
// records by extending GenerateDemo.
#pragma once

#include <cstdint>
#include <string>

#include "app/platform.h"

namespace concord::app {

enum class DemoSize { kSmall, kLarge };

struct DemoLogin {
  std::string email;
  std::string role;
  std::string note;
};

inline constexpr const char* kDemoPassword = "concord-demo";

Result<std::vector<DemoLogin>> GenerateDemo(Platform& platform, uint64_t seed, DemoSize size);

}  // namespace concord::app
