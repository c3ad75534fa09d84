// Staffing speed: 10,000 intervals of up to 100 agents each must size in under 10 ms (issue 5),
// thanks to the incremental Erlang B recursion. BM_StaffFresh sizes the same intervals recomputing
// B(N, A) from scratch for every candidate N, to show the ratio side by side.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "wfm/erlang.h"
#include "wfm/staffing.h"

namespace concord::wfm {
namespace {

// 10,000 half-hour intervals, AHT 180 s: 0 … 832 contacts, i.e. A up to 83.2 Erlangs and up to
// 98 agents at SL 80/20 under 85 % occupancy, shaped like a busy day repeated.
std::vector<double> Intervals() {
  std::vector<double> contacts;
  contacts.reserve(10000);
  for (int i = 0; i < 10000; ++i) {
    const double phase = (i % 48) / 48.0;
    contacts.push_back(std::round(410.0 * (1.0 - std::cos(2 * std::numbers::pi * phase)) + (i * 7919 % 13)));
  }
  return contacts;
}

void BM_StaffIntervals(benchmark::State& state) {
  const std::vector<double> contacts = Intervals();
  int max_agents = 0;
  for (auto _ : state) {
    std::vector<StaffingResult> r = StaffIntervals(contacts, 1800, 180, 0.8, 20, 0.85, 0.3);
    benchmark::DoNotOptimize(r.data());
    for (const StaffingResult& s : r) max_agents = std::max(max_agents, s.agents);
  }
  state.counters["intervals"] = static_cast<double>(contacts.size());
  state.counters["max_agents"] = max_agents;
}
BENCHMARK(BM_StaffIntervals)->Unit(benchmark::kMillisecond);

// The naive alternative: a fresh O(N) Erlang B for each candidate N.
void BM_StaffFresh(benchmark::State& state) {
  const std::vector<double> contacts = Intervals();
  for (auto _ : state) {
    long total = 0;
    for (double c : contacts) {
      const double a = TrafficErlangs(c, 1800, 180);
      if (a <= 0) continue;
      int n = static_cast<int>(std::lround(a + 1));
      while (EvaluateErlangC(n, a, 180, 20).service_level < 0.8) ++n;
      total += n;
    }
    benchmark::DoNotOptimize(total);
  }
}
BENCHMARK(BM_StaffFresh)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace concord::wfm
