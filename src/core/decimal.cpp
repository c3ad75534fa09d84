#include "core/decimal.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/uint256.h"

namespace concord {
namespace {

using internal::UInt128;
using internal::UInt256;

constexpr Int128 kMaxCoefficient = static_cast<Int128>(~static_cast<UInt128>(0) >> 1);  // 2^127 - 1

// 10^k for k in 0..38 (10^38 < 2^128).
constexpr UInt128 Pow10(int k) {
  UInt128 p = 1;
  for (int i = 0; i < k; ++i) p *= 10;
  return p;
}

void CheckScale(int scale) {
  if (scale < 0 || scale > Decimal::kMaxScale) {
    throw std::invalid_argument("decimal scale out of range 0..18: " + std::to_string(scale));
  }
}

[[noreturn]] void ThrowOverflow(const char* operation) {
  throw std::overflow_error(std::string("decimal overflow in ") + operation);
}

UInt128 Magnitude(Int128 c) { return c < 0 ? -static_cast<UInt128>(c) : static_cast<UInt128>(c); }

// The signed coefficient for a magnitude, or nullopt when it does not fit. -2^127 is refused too, so
// every coefficient can be negated.
std::optional<Int128> ToSigned(const UInt256& magnitude, bool negative) {
  if (magnitude.hi != 0 || magnitude.lo > static_cast<UInt128>(kMaxCoefficient)) return std::nullopt;
  const auto value = static_cast<Int128>(magnitude.lo);
  return negative ? -value : value;
}

Int128 ToSignedOrThrow(const UInt256& magnitude, bool negative, const char* operation) {
  const std::optional<Int128> value = ToSigned(magnitude, negative);
  if (!value) ThrowOverflow(operation);
  return *value;
}

// Whether to add one unit to the truncated magnitude `quotient`, given the discarded remainder (< divisor)
// and the sign of the exact result. This is the whole of the six rounding modes.
bool RoundsAway(const UInt256& quotient, const UInt256& remainder, const UInt256& divisor, bool negative,
                Rounding mode) {
  if (remainder == UInt256()) return false;
  // remainder vs divisor - remainder compares the discarded fraction with one half without overflow.
  const auto half = remainder <=> internal::Subtract(divisor, remainder);
  switch (mode) {
    case Rounding::kDown:
      return false;
    case Rounding::kUp:
      return true;
    case Rounding::kFloor:
      return negative;
    case Rounding::kCeiling:
      return !negative;
    case Rounding::kHalfUp:
      return half >= 0;
    case Rounding::kHalfEven:
      return half > 0 || (half == 0 && (quotient.lo & 1) != 0);
  }
  return false;
}

// |n / d| rounded with `mode`, as a magnitude; `negative` is the sign of the exact quotient.
UInt256 DivideRounded(const UInt256& n, const UInt256& d, bool negative, Rounding mode) {
  internal::DivMod256 qr = internal::Divide(n, d);
  if (RoundsAway(qr.quotient, qr.remainder, d, negative, mode)) {
    // The quotient of a 256-bit value by a divisor >= 2 (rounding only happens then) cannot be all ones.
    qr.quotient.lo += 1;
    if (qr.quotient.lo == 0) qr.quotient.hi += 1;
  }
  return qr.quotient;
}

// c × 10^k exactly, or throws.
Int128 ScaleUp(Int128 c, int k, const char* operation) {
  return ToSignedOrThrow(internal::Multiply(Magnitude(c), Pow10(k)), c < 0, operation);
}

}  // namespace

Decimal Decimal::FromInt(int64_t value) { return Decimal(value, 0); }

Decimal Decimal::FromParts(Int128 coefficient, int scale) {
  CheckScale(scale);
  if (coefficient < -kMaxCoefficient) ThrowOverflow("FromParts");
  return Decimal(coefficient, scale);
}

Result<Decimal> Decimal::Parse(std::string_view text) {
  auto invalid = [&](std::string_view why) {
    return Error::Invalid("decimal.invalid",
                          "not a decimal number (" + std::string(why) + "): \"" + std::string(text) + "\"");
  };
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  UInt128 magnitude = 0;
  int digits = 0;
  int scale = -1;  // -1 until the point is seen
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '.') {
      if (scale >= 0) return invalid("two decimal points");
      scale = 0;
      continue;
    }
    if (ch < '0' || ch > '9') return invalid("unexpected character");
    if (magnitude > (static_cast<UInt128>(kMaxCoefficient) - (ch - '0')) / 10) return invalid("out of range");
    magnitude = magnitude * 10 + static_cast<unsigned>(ch - '0');
    ++digits;
    if (scale >= 0 && ++scale > kMaxScale) return invalid("more than 18 digits after the point");
  }
  if (digits == 0) return invalid("no digits");
  const auto coefficient = static_cast<Int128>(magnitude);
  return Decimal(negative ? -coefficient : coefficient, scale < 0 ? 0 : scale);
}

std::string Decimal::ToString() const {
  UInt128 magnitude = Magnitude(coefficient_);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  if (scale_ > 0) {
    if (static_cast<int>(digits.size()) <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale_, 1, '.');
  }
  return coefficient_ < 0 ? "-" + digits : digits;
}

std::string Decimal::ToString(int scale, Rounding mode) const { return Round(scale, mode).ToString(); }

Decimal Decimal::Round(int scale, Rounding mode) const {
  CheckScale(scale);
  if (scale >= scale_) return Decimal(ScaleUp(coefficient_, scale - scale_, "Round"), scale);
  const bool negative = coefficient_ < 0;
  const UInt256 q = DivideRounded(Magnitude(coefficient_), Pow10(scale_ - scale), negative, mode);
  return Decimal(ToSignedOrThrow(q, negative, "Round"), scale);
}

Decimal Decimal::Rescale(int scale) const {
  CheckScale(scale);
  if (scale >= scale_) return Decimal(ScaleUp(coefficient_, scale - scale_, "Rescale"), scale);
  // Dropping only trailing zeros ("1.50" -> "1.5") loses nothing and is allowed.
  const UInt128 divisor = Pow10(scale_ - scale);
  if (Magnitude(coefficient_) % divisor != 0) {
    throw std::invalid_argument("Decimal::Rescale would lose digits of " + ToString());
  }
  return Decimal(coefficient_ / static_cast<Int128>(divisor), scale);
}

Decimal Decimal::operator-() const { return Decimal(-coefficient_, scale_); }  // |c| <= 2^127-1: safe

Decimal Decimal::Abs() const { return coefficient_ < 0 ? -*this : *this; }

namespace {

// Both coefficients at the larger of the two scales.
struct Aligned {
  Int128 a;
  Int128 b;
  int scale;
};

Aligned Align(const Decimal& a, const Decimal& b, const char* operation) {
  const int scale = std::max(a.scale(), b.scale());
  return {ScaleUp(a.coefficient(), scale - a.scale(), operation),
          ScaleUp(b.coefficient(), scale - b.scale(), operation), scale};
}

}  // namespace

Decimal operator+(const Decimal& a, const Decimal& b) {
  const Aligned x = Align(a, b, "+");
  Int128 sum;
  if (__builtin_add_overflow(x.a, x.b, &sum) || sum < -kMaxCoefficient) ThrowOverflow("+");
  return Decimal::FromParts(sum, x.scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  const int scale = a.scale() + b.scale();
  return Decimal::MultiplyRounded(a, b, std::min(scale, Decimal::kMaxScale), Rounding::kHalfEven);
}

Decimal Decimal::MultiplyRounded(const Decimal& a, const Decimal& b, int scale, Rounding mode) {
  CheckScale(scale);
  const bool negative = (a.coefficient_ < 0) != (b.coefficient_ < 0);
  const UInt256 product = internal::Multiply(Magnitude(a.coefficient_), Magnitude(b.coefficient_));
  const int exact_scale = a.scale_ + b.scale_;
  if (scale >= exact_scale) {
    if (product.hi != 0) ThrowOverflow("*");
    return Decimal(ToSignedOrThrow(internal::Multiply(product.lo, Pow10(scale - exact_scale)), negative, "*"),
                   scale);
  }
  const UInt256 q = DivideRounded(product, Pow10(exact_scale - scale), negative, mode);
  return Decimal(ToSignedOrThrow(q, negative, "*"), scale);
}

Result<Decimal> Decimal::Divide(const Decimal& a, const Decimal& b, int scale, Rounding mode) {
  if (b.IsZero()) {
    return Error::Invalid("decimal.division_by_zero", "division of " + a.ToString() + " by zero");
  }
  CheckScale(scale);
  // coefficient at `scale` = a.c × 10^(scale + b.scale - a.scale) / b.c; the power is in -18..36.
  const int power = scale + b.scale_ - a.scale_;
  UInt256 numerator = Magnitude(a.coefficient_);
  UInt256 denominator = Magnitude(b.coefficient_);
  if (power >= 0) {
    numerator = internal::Multiply(Magnitude(a.coefficient_), Pow10(power));
  } else {
    denominator = internal::Multiply(Magnitude(b.coefficient_), Pow10(-power));
  }
  const bool negative = (a.coefficient_ < 0) != (b.coefficient_ < 0);
  const std::optional<Int128> q = ToSigned(DivideRounded(numerator, denominator, negative, mode), negative);
  if (!q) {
    return Error::Invalid("decimal.overflow", a.ToString() + " / " + b.ToString() +
                                                  " does not fit at scale " + std::to_string(scale));
  }
  return Decimal(*q, scale);
}

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.Sign() != b.Sign()) return a.Sign() <=> b.Sign();
  // Same sign: compare magnitudes at a common scale in 256 bits (cannot overflow).
  const int scale = std::max(a.scale(), b.scale());
  const UInt256 ma = internal::Multiply(Magnitude(a.coefficient()), Pow10(scale - a.scale()));
  const UInt256 mb = internal::Multiply(Magnitude(b.coefficient()), Pow10(scale - b.scale()));
  return a.IsNegative() ? mb <=> ma : ma <=> mb;
}

}  // namespace concord
