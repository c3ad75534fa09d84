#include "wfm/erlang.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace concord::wfm {

double ErlangB(int n, double a) {
  ErlangBRecurrence rec(a);
  return rec.AdvanceTo(n);
}

double ErlangCFromB(int n, double a, double b) {
  if (n <= a) return 1.0;
  // pyworkforce ErlangC.waiting_probability: N·B / (N − A·(1 − B)).
  return n * b / (n - a * (1.0 - b));
}

double ErlangC(int n, double a) { return ErlangCFromB(n, a, ErlangB(n, a)); }

ErlangCMetrics ErlangCMetricsFromB(int n, double a, double b, double aht_s, double target_s) {
  ErlangCMetrics m;
  m.agents = n;
  m.traffic = a;
  m.occupancy = n > 0 ? std::min(1.0, a / n) : (a > 0 ? 1.0 : 0.0);
  if (a <= 0) {  // no contacts: nobody waits
    m.p_wait = 0;
    m.service_level = 1;
    m.asa_s = 0;
    m.occupancy = 0;
    return m;
  }
  if (n <= a) {  // unstable queue: pyworkforce treats SL as 0
    m.p_wait = 1;
    m.service_level = 0;
    m.asa_s = std::numeric_limits<double>::infinity();
    return m;
  }
  m.p_wait = ErlangCFromB(n, a, b);
  // SL(T) = 1 − C·e^{−(N−A)·T/h} (Erlang C waiting-time distribution; pyworkforce service_level).
  m.service_level = std::max(0.0, 1.0 - m.p_wait * std::exp(-(n - a) * target_s / aht_s));
  // ASA = C·h/(N − A) (mean of the conditional exponential wait, times Pw).
  m.asa_s = m.p_wait * aht_s / (n - a);
  return m;
}

ErlangCMetrics EvaluateErlangC(int n, double a, double aht_s, double target_s) {
  return ErlangCMetricsFromB(n, a, ErlangB(n, a), aht_s, target_s);
}

double TrafficErlangs(double contacts, double interval_s, double aht_s) {
  return contacts * aht_s / interval_s;
}

int CeilTolerant(double x) {
  // 1e-9 relative is far below any meaningful staffing fraction and far above double rounding noise.
  return static_cast<int>(std::ceil(x - 1e-9 * std::max(1.0, std::abs(x))));
}

int PositionsAfterShrinkage(int agents, double shrinkage) {
  return CeilTolerant(agents / (1.0 - shrinkage));
}

int ProductiveAgents(int positions, double shrinkage) {
  const double x = (1.0 - shrinkage) * positions;
  return static_cast<int>(std::floor(x + 1e-9 * std::max(1.0, std::abs(x))));
}

}  // namespace concord::wfm
