// Erlang A against ../shared/conformance/wfm/erlang-cases.md cases 8 and 9 (pyworkforce
// tests/test_abandonment.py and docs/guide/erlanga.md), plus pyworkforce's sanity properties.
#include "wfm/erlang_a.h"

#include <gtest/gtest.h>

#include <cmath>

#include "wfm/erlang.h"
#include "wfm/staffing.h"

namespace concord::wfm {
namespace {

constexpr double kSixDp = 5e-7;  // "exact to 6 d.p."
constexpr double kLambda = 100.0 / 1800.0;

// #8: 100 / 30 min, AHT 180 s, T 20 s, patience 300 s, N = 14.
TEST(ErlangA, Case8RegressionMetrics) {
  const ErlangAMetrics m = EvaluateErlangA(14, kLambda, 180, 300, 20);
  EXPECT_NEAR(m.service_level, 0.916792, kSixDp);
  EXPECT_NEAR(m.p_wait, 0.14526, 5e-6);
  EXPECT_NEAR(m.asa_s / 60.0, 0.069919, kSixDp);  // 4.195 s
  EXPECT_NEAR(m.occupancy, 0.704297, kSixDp);
  EXPECT_NEAR(m.p_abandon, 0.013984, kSixDp);
}

// #9: as #8 sized for SL 0.80, occupancy <= 0.85, P(abandon) <= 0.05, shrinkage 0.30 → 13 / 19.
TEST(ErlangA, Case9Sizing) {
  StaffingRequest r;
  r.contacts = 100;
  r.interval_s = 1800;
  r.aht_s = 180;
  r.target_sl = 0.80;
  r.target_s = 20;
  r.shrinkage = 0.30;
  r.max_occupancy = 0.85;
  r.patience_s = 300;
  r.max_abandonment = 0.05;
  Result<StaffingResult> s = Staff(r);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->model, StaffingModel::kErlangA);
  EXPECT_EQ(s->agents, 13);
  EXPECT_EQ(s->positions, 19);
  EXPECT_NEAR(s->service_level, 0.858178, kSixDp);
  EXPECT_NEAR(s->p_wait, 0.225797, kSixDp);
  EXPECT_NEAR(s->asa_s / 60.0, 0.124817, kSixDp);  // 7.49 s
  EXPECT_NEAR(s->occupancy, 0.750028, kSixDp);
  EXPECT_NEAR(s->p_abandon, 0.024963, kSixDp);
  // And 12 agents would not do.
  EXPECT_LT(EvaluateErlangA(12, kLambda, 180, 300, 20).service_level, 0.80);
}

TEST(ErlangA, InfinitePatienceConvergesToErlangC) {
  const ErlangAMetrics a = EvaluateErlangA(14, kLambda, 180, 1e9, 20);
  const ErlangCMetrics c = EvaluateErlangC(14, 10, 180, 20);
  EXPECT_NEAR(a.service_level, c.service_level, 1e-5);
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-5);
  EXPECT_NEAR(a.asa_s, c.asa_s, 1e-3);
  EXPECT_NEAR(a.p_abandon, 0.0, 1e-5);
}

TEST(ErlangA, LittlesLaw) {
  const ErlangAMetrics m = EvaluateErlangA(12, kLambda, 180, 120, 20);
  EXPECT_NEAR(m.asa_s, m.queue_length / kLambda, 1e-12);
}

TEST(ErlangA, ServiceLevelMonotoneInAgents) {
  double previous = -1;
  for (int n = 1; n <= 25; ++n) {
    const double sl = EvaluateErlangA(n, kLambda, 180, 300, 20).service_level;
    EXPECT_GE(sl, previous) << n;
    previous = sl;
  }
}

TEST(ErlangA, LessPatienceMoreAbandonment) {
  double previous = -1;
  for (double patience : {3600.0, 600.0, 300.0, 60.0, 10.0}) {
    const double p_ab = EvaluateErlangA(11, kLambda, 180, patience, 20).p_abandon;
    EXPECT_GT(p_ab, previous) << patience;
    previous = p_ab;
  }
}

// Overload is stable under abandonment: A = 12 Erlangs on 10 agents still has a finite answer.
TEST(ErlangA, StableWhenOverloaded) {
  const ErlangAMetrics m = EvaluateErlangA(10, 12.0 / 180.0, 180, 300, 20);
  EXPECT_TRUE(std::isfinite(m.service_level));
  EXPECT_GT(m.p_abandon, 0.0);
  EXPECT_LE(m.occupancy, 1.0 + 1e-12);
}

TEST(ErlangA, StableForThousandsOfAgents) {
  // A = 3000 Erlangs: π_n reaches e^3000 before rescaling.
  const ErlangAMetrics m = EvaluateErlangA(3050, 3000.0 / 180.0, 180, 300, 20);
  EXPECT_TRUE(std::isfinite(m.service_level));
  EXPECT_GT(m.service_level, 0.0);
  EXPECT_LE(m.service_level, 1.0);
  EXPECT_TRUE(std::isfinite(m.p_abandon));
  EXPECT_NEAR(m.occupancy, 3000.0 * (1 - m.p_abandon) / 3050.0, 1e-9);
}

}  // namespace
}  // namespace concord::wfm
