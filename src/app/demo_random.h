// The demo's random numbers: splitmix64, a tiny generator whose sequence is the same on every platform and
// library, unlike the standard distributions, so a seed always gives the same demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace concord::app {

class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : state_(seed) {}
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

 private:
  uint64_t state_;
};

}  // namespace concord::app
