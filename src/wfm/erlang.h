// Erlang B and Erlang C (M/M/N) queueing formulas for contact-centre staffing.
//
// Pure functions over doubles (statistics, not money). Numerically stable for thousands of agents:
// nothing is computed through factorials or powers; Erlang B comes from its recursion
//   B(0) = 1,  B(n) = A·B(n−1) / (n + A·B(n−1)),  equivalently  1/B(n) = 1 + (n/A)·1/B(n−1)
// (Jagerman 1974, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53(3); the same
// recursion as pyworkforce ErlangB/ErlangC), whose terms are all positive, so no cancellation.
//
// Traffic intensity A (Erlangs) = contacts × AHT / interval length.
#pragma once

namespace concord::wfm {

// Erlang B blocking probability B(n, a) for n servers offered a Erlangs. n >= 0, a >= 0. O(n).
double ErlangB(int n, double a);

// Erlang B as the agent count grows: each Next() is one step of the recursion, O(1). Used by the
// staffing searches so that trying N, N+1, N+2, … costs one multiply-add each, not a fresh sum.
class ErlangBRecurrence {
 public:
  // Steps the reciprocal, 1/B(n) = 1 + (n/A)·(1/B(n−1)) (pyworkforce's "inverse" form), so that
  // each step is one multiply-add with 1/A computed once. The reciprocal only grows once n > A and
  // overflows to +inf (B = 0) only where B is below 1e-308 anyway.
  explicit ErlangBRecurrence(double a) : inv_a_(1.0 / a) {}
  int agents() const { return n_; }
  double blocking() const { return 1.0 / inv_b_; }  // B(agents(), a)
  // Advances to agents() + 1 and returns the new B.
  double Next() {
    ++n_;
    inv_b_ = 1.0 + n_ * inv_a_ * inv_b_;
    return 1.0 / inv_b_;
  }
  // Advances to n agents (n >= agents()) and returns B(n, a).
  double AdvanceTo(int n) {
    while (n_ < n) {
      ++n_;
      inv_b_ = 1.0 + n_ * inv_a_ * inv_b_;
    }
    return 1.0 / inv_b_;
  }

 private:
  double inv_a_;
  int n_ = 0;
  double inv_b_ = 1.0;  // 1/B(0, a) = 1
};

// Erlang C probability of waiting from B(n, a): C = n·B / (n − a·(1 − B)). Requires n > a; returns 1
// when n <= a (the queue grows without bound, everyone waits).
double ErlangCFromB(int n, double a, double b);

// Erlang C probability of waiting C(n, a). O(n).
double ErlangC(int n, double a);

// What n agents achieve under Erlang C.
struct ErlangCMetrics {
  int agents = 0;
  double traffic = 0;         // A, Erlangs
  double p_wait = 1;          // Pw = C(N, A)
  double service_level = 0;   // SL(T) = max(0, 1 − Pw·exp(−(N − A)·T/AHT))
  double asa_s = 0;           // average speed of answer = Pw·AHT/(N − A); +inf when N <= A
  double occupancy = 1;       // A/N, capped at 1
};

// Erlang C metrics from a known B(n, a): the per-candidate step of the incremental searches.
// aht_s > 0, target_s >= 0.
ErlangCMetrics ErlangCMetricsFromB(int n, double a, double b, double aht_s, double target_s);

// Erlang C metrics for n agents offered a Erlangs with average handle time aht_s, service-level
// threshold target_s seconds. O(n).
ErlangCMetrics EvaluateErlangC(int n, double a, double aht_s, double target_s);

// Traffic in Erlangs: contacts per interval × AHT / interval length (Erlang 1909; A = λ·h).
double TrafficErlangs(double contacts, double interval_s, double aht_s);

// ceil(x) tolerant of binary rounding just above an integer (14/0.7 = 20.000000000000004 → 20).
int CeilTolerant(double x);

// Positions to schedule so that `agents` are productive after shrinkage s in [0, 1):
// ceil(N / (1 − s)) — division by (1 − s), not multiplication by (1 + s) (pyworkforce, CCH).
int PositionsAfterShrinkage(int agents, double shrinkage);

// Productive agents out of `positions` after shrinkage: floor((1 − s)·positions)
// (pyworkforce scale_positions=True).
int ProductiveAgents(int positions, double shrinkage);

}  // namespace concord::wfm
