// Small helpers for the agency rule tests: literal dates, instants and money that fail loudly.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string_view>

#include "core/date.h"
#include "core/decimal.h"

namespace concord {

// Readable failure messages ("USD 859.13" instead of a byte dump); found by GoogleTest through ADL.
inline void PrintTo(const Decimal& d, std::ostream* os) { *os << d.ToString(); }
inline void PrintTo(const Money& m, std::ostream* os) { *os << m.currency() << ' ' << m.amount().ToString(); }
inline void PrintTo(const Date& d, std::ostream* os) { *os << d.ToString(); }
inline void PrintTo(const Instant& t, std::ostream* os) { *os << t.ToString(); }

}  // namespace concord

namespace concord::agency::testing_util {

inline Date D(std::string_view text) {
  auto d = Date::Parse(text);
  if (!d.ok()) ADD_FAILURE() << "bad date literal " << text;
  return d.value_or(Date());
}

inline Instant T(std::string_view text) {
  auto t = Instant::Parse(text);
  if (!t.ok()) ADD_FAILURE() << "bad instant literal " << text;
  return t.value_or(Instant());
}

inline Decimal Dec(std::string_view text) {
  auto d = Decimal::Parse(text);
  if (!d.ok()) ADD_FAILURE() << "bad decimal literal " << text;
  return d.value_or(Decimal());
}

inline Money USD(std::string_view amount) { return Money(Dec(amount), "USD"); }

}  // namespace concord::agency::testing_util
