// UInt256: the minimum unsigned 256-bit arithmetic Decimal needs for exact intermediates (a 128 × 128-bit
// product, or a coefficient scaled by up to 10^36, divided back down). Internal to core; not a general
// big-integer type.
#pragma once

#include <compare>

namespace concord::internal {

__extension__ typedef unsigned __int128 UInt128;

struct UInt256 {
  UInt128 hi = 0;
  UInt128 lo = 0;

  constexpr UInt256() = default;
  constexpr UInt256(UInt128 low) : hi(0), lo(low) {}  // NOLINT: widening is lossless
  constexpr UInt256(UInt128 high, UInt128 low) : hi(high), lo(low) {}

  friend constexpr bool operator==(const UInt256&, const UInt256&) = default;
  friend constexpr std::strong_ordering operator<=>(const UInt256& a, const UInt256& b) {
    if (a.hi != b.hi) return a.hi <=> b.hi;
    return a.lo <=> b.lo;
  }
};

// The full 256-bit product of two 128-bit values (cannot overflow).
constexpr UInt256 Multiply(UInt128 a, UInt128 b) {
  constexpr UInt128 kMask = ~static_cast<UInt128>(0) >> 64;
  const UInt128 a0 = a & kMask, a1 = a >> 64, b0 = b & kMask, b1 = b >> 64;
  const UInt128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  // Each term is < 2^64, so the sum of three fits easily in 128 bits.
  const UInt128 mid = (p00 >> 64) + (p01 & kMask) + (p10 & kMask);
  return UInt256(p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64), (p00 & kMask) | (mid << 64));
}

constexpr UInt256 Subtract(const UInt256& a, const UInt256& b) {  // requires a >= b
  return UInt256(a.hi - b.hi - (a.lo < b.lo ? 1 : 0), a.lo - b.lo);
}

struct DivMod256 {
  UInt256 quotient;
  UInt256 remainder;
};

// Schoolbook binary long division; `d` must be non-zero. 256 steps is cheap next to the I/O around any
// use of money, and it is simple enough to trust.
constexpr DivMod256 Divide(const UInt256& n, const UInt256& d) {
  if (n.hi == 0 && d.hi == 0) return {UInt256(n.lo / d.lo), UInt256(n.lo % d.lo)};  // the common case
  DivMod256 out;
  for (int bit = 255; bit >= 0; --bit) {
    // remainder = remainder * 2 + next bit of n. The remainder is always < d, so when d's top bit is set
    // the shift can carry out; `carry` records that the true value exceeds d.
    const bool carry = (out.remainder.hi >> 127) != 0;
    out.remainder.hi = (out.remainder.hi << 1) | (out.remainder.lo >> 127);
    const UInt128 word = bit >= 128 ? n.hi : n.lo;
    out.remainder.lo = (out.remainder.lo << 1) | ((word >> (bit % 128)) & 1);
    if (carry || out.remainder >= d) {
      out.remainder = Subtract(out.remainder, d);  // wraps correctly when `carry`
      if (bit >= 128) {
        out.quotient.hi |= static_cast<UInt128>(1) << (bit - 128);
      } else {
        out.quotient.lo |= static_cast<UInt128>(1) << bit;
      }
    }
  }
  return out;
}

}  // namespace concord::internal
