// Decimal: exact base-10 fixed-point numbers for money, rates and quantities. Never binary floating point.
// Value = coefficient × 10^-scale, coefficient a signed 128-bit integer, scale 0..18.
// Addition, subtraction and multiplication are exact; division and Round() take an explicit scale and
// a named rounding mode, so every rounding in concord is visible at its call site.
//
// Range and overflow: |coefficient| <= 2^127 - 1 (about 1.7e38; at scale 18 that is still 1.7e20 units).
// Overflow never wraps silently:
//   - Parse and Divide report it as an Error ("decimal.invalid" / "decimal.overflow").
//   - Operators (+, -, *, unary -), Round, Rescale and MultiplyRounded, which return plain values, throw
//     std::overflow_error. Business amounts are nowhere near the limit, so reaching it is a bug; the
//     throw turns it into one failed request (HTTP 500) instead of a wrong number.
//   - A scale outside 0..kMaxScale, or a Rescale that would lose digits, throws std::invalid_argument.
// Intermediate products and quotients are computed in 256 bits, so a result that fits is always exact
// (or correctly rounded), even when a × b or a × 10^k alone would not fit in 128 bits.
// Thread safety: a value type; const use from many threads is safe.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace concord {

// The coefficient type. `__extension__` keeps -Wpedantic quiet about the GCC/Clang builtin; the type is
// exactly `__int128`.
__extension__ typedef __int128 Int128;

enum class Rounding {
  kHalfUp,    // 2.5 -> 3, -2.5 -> -3 (away from zero at the half): commercial rounding
  kHalfEven,  // 2.5 -> 2, 3.5 -> 4: banker's rounding (IEEE 754 roundTiesToEven)
  kDown,      // toward zero (truncate)
  kUp,        // away from zero
  kFloor,     // toward -infinity
  kCeiling,   // toward +infinity
};

class Decimal {
 public:
  static constexpr int kMaxScale = 18;

  constexpr Decimal() = default;
  // From an integer, scale 0.
  static Decimal FromInt(int64_t value);
  // From coefficient and scale: FromParts(12345, 2) == 123.45.
  static Decimal FromParts(Int128 coefficient, int scale);

  // Exact parse of "-1234.5600", "+7", ".5", "1e3" is refused (no exponents). Keeps the written scale
  // ("1.50" has scale 2). Errors: code "decimal.invalid" naming the text.
  static Result<Decimal> Parse(std::string_view text);

  // Plain notation with exactly scale() digits after the point: "-1234.56".
  std::string ToString() const;
  // Formatted with `scale` digits (rounded with `mode` first).
  std::string ToString(int scale, Rounding mode) const;

  Int128 coefficient() const { return coefficient_; }
  int scale() const { return scale_; }
  bool IsZero() const { return coefficient_ == 0; }
  bool IsNegative() const { return coefficient_ < 0; }
  int Sign() const { return coefficient_ < 0 ? -1 : (coefficient_ > 0 ? 1 : 0); }

  // Round to `scale` digits with `mode`; increasing the scale is exact.
  Decimal Round(int scale, Rounding mode) const;
  // Same value at another scale, exactly: widening always; narrowing only drops trailing zeros ("1.50" ->
  // "1.5"). Throws std::invalid_argument when it would lose digits (use Round for that).
  Decimal Rescale(int scale) const;

  Decimal operator-() const;
  Decimal Abs() const;
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  // Exact: scale = a.scale + b.scale. When that exceeds kMaxScale the product is rounded to kMaxScale
  // with kHalfEven (the only rounding not named at a call site; use MultiplyRounded to choose).
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

  // a / b rounded to `scale` digits with `mode`. Division by zero is an error ("decimal.division_by_zero").
  static Result<Decimal> Divide(const Decimal& a, const Decimal& b, int scale, Rounding mode);
  // Multiply then round in one step: (a × b) rounded to `scale` with `mode`.
  static Decimal MultiplyRounded(const Decimal& a, const Decimal& b, int scale, Rounding mode);

  // Numeric comparison: 1.5 == 1.50.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  constexpr Decimal(Int128 c, int s) : coefficient_(c), scale_(s) {}
  Int128 coefficient_ = 0;
  int scale_ = 0;
};

// Money: a Decimal amount in one ISO 4217 currency. Arithmetic or ordering across currencies is a
// programming error: it throws std::invalid_argument (always on, also in release builds). Equality across
// currencies is simply false. Amounts are serialised as decimal strings ("1234.50").
class Money {
 public:
  Money() = default;
  Money(Decimal amount, std::string currency = "USD") : amount_(amount), currency_(std::move(currency)) {}
  // Parses the amount exactly (any scale, e.g. a unit price "0.0125"); the currency must be three
  // upper-case letters ("money.invalid_currency" otherwise).
  static Result<Money> Parse(std::string_view amount, std::string currency = "USD");

  const Decimal& amount() const { return amount_; }
  const std::string& currency() const { return currency_; }
  // Digits after the point for the currency (ISO 4217 minor unit: USD 2, JPY 0, BHD 3). Currencies not
  // in the table answer 2, the most common minor unit.
  static int MinorUnits(std::string_view currency);
  // Rounded to the currency's minor unit with `mode`.
  Money RoundToMinor(Rounding mode) const;
  // "1234.50" at the currency's minor units (HalfUp if it must round: display only).
  std::string ToString() const;

  friend Money operator+(const Money& a, const Money& b);
  friend Money operator-(const Money& a, const Money& b);
  friend bool operator==(const Money& a, const Money& b);
  friend std::strong_ordering operator<=>(const Money& a, const Money& b);

 private:
  Decimal amount_;
  std::string currency_ = "USD";
};

}  // namespace concord

// fmt::format("{}", decimal) and ("{}", money) give ToString(): "1234.50" (money without the currency code).
template <>
struct fmt::formatter<concord::Decimal> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const concord::Decimal& d, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(d.ToString(), ctx);
  }
};

template <>
struct fmt::formatter<concord::Money> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const concord::Money& m, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(m.ToString(), ctx);
  }
};
