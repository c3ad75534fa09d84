// Shared helpers for the SLA rule tests.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "core/calendar.h"
#include "core/date.h"

namespace concord::service::testing_util {

// "2026-03-02T14:00:00Z" → Instant; aborts the test binary on a typo in a fixture.
inline Instant T(std::string_view rfc3339) {
  Result<Instant> t = Instant::Parse(rfc3339);
  if (!t.ok()) {
    ADD_FAILURE() << "bad instant in fixture: " << rfc3339;
    return Instant();
  }
  return *t;
}

inline Date D(std::string_view ymd) {
  Result<Date> d = Date::Parse(ymd);
  if (!d.ok()) {
    ADD_FAILURE() << "bad date in fixture: " << ymd;
    return Date();
  }
  return *d;
}

inline BusinessHours H(std::string_view text) { return BusinessHours::Parse(text).value(); }

}  // namespace concord::service::testing_util
