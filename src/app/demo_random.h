// The demo's random numbers: splitmix64, whose sequence is the same on every platform and library,
// unlike the standard distributions, so a seed always gives the same demo.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace concord::app {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <class Array>
  std::string Pick(const Array& items) { return std::string(items[Below(items.size())]); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  // Uniform in [0, 1) from the top 53 bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // A Poisson count with mean `mean` (Knuth's product of uniforms for small means, else the normal
  // approximation rounded at 0): call arrivals in an interval.
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const double limit = std::exp(-mean);
      int k = 0;
      for (double p = Unit(); p > limit; p *= Unit()) ++k;
      return k;
    }
    const double z = std::sqrt(-2.0 * std::log(1.0 - Unit())) * std::cos(2.0 * M_PI * Unit());
    return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * z)));
  }

 private:
  uint64_t state_;
};

}  // namespace concord::app
