// libFuzzer target for core's text parsers: none may crash, and whatever parses must round-trip through
// ToString unchanged. Built only with -DCONCORD_FUZZ=ON and clang (see CMakeLists.txt); run e.g.
//   build/src/core/core_parsers_fuzz -max_total_time=30
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/calendar.h"
#include "core/date.h"
#include "core/decimal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using concord::Decimal;
  if (auto d = Decimal::Parse(text); d.ok()) {
    auto again = Decimal::Parse(d->ToString());
    if (!again.ok() || *again != *d || again->scale() != d->scale()) std::abort();
    // Narrowing only: widening a huge value may overflow, which throws by design (decimal.h).
    for (int scale = 0; scale < d->scale(); scale += 5) {
      // Rounding moves the value by less than one unit at the target scale.
      const Decimal r = d->Round(scale, concord::Rounding::kHalfEven);
      if ((r - *d).Abs() >= Decimal::FromParts(1, scale)) std::abort();
    }
  }
  if (auto day = concord::Date::Parse(text); day.ok() && day->ToString() != text) std::abort();
  if (auto t = concord::Instant::Parse(text); t.ok()) {
    auto again = concord::Instant::Parse(t->ToString());
    if (!again.ok() || *again != *t) std::abort();
  }
  if (auto hours = concord::BusinessHours::Parse(text); hours.ok() && hours->ToString() != text) std::abort();
  return 0;
}
