#include "wfm/erlang_a.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace concord::wfm {
namespace {

// Above this a term is rescaled, so that A^n/n!-sized numbers (e^A for A in the thousands) never
// overflow a double; the ratios between stored terms are what matter.
constexpr double kRescaleAbove = 1e200;
constexpr double kRescaleBy = 1e-200;
// Truncation of the chain: pyworkforce stops once a term is below 1e-15 of the accumulated mass.
constexpr double kTruncate = 1e-15;

// Unnormalised stationary weights π_0.. of the birth–death chain, π_n = π_{n−1}·λ/d(n), truncated.
std::vector<double> StationaryWeights(int agents, double lambda, double mu, double theta) {
  std::vector<double> pi{1.0};
  double mass = 1.0;
  for (long n = 1;; ++n) {
    const double death = std::min<long>(n, agents) * mu + std::max<long>(n - agents, 0) * theta;
    const double term = pi.back() * lambda / death;
    pi.push_back(term);
    mass += term;
    if (term > kRescaleAbove) {
      for (double& p : pi) p *= kRescaleBy;
      mass *= kRescaleBy;
    }
    // Past N and past the mode (death > λ) the terms only shrink, so the tail is negligible.
    if (n >= agents && death > lambda && term < kTruncate * mass) break;
  }
  for (double& p : pi) p /= mass;
  return pi;
}

// G_j(T) for j = 0..max_ahead: probability that a tagged waiting customer with j people ahead is
// served within t seconds. It advances at rate N·μ + j·θ (a completion or an abandonment ahead),
// is served from the head at rate N·μ and abandons at rate θ throughout. Solved by uniformization
// (Jensen 1953; as pyworkforce does) at rate Λ = N·μ + (J + 1)·θ: G = Σ_k Poisson(k; Λt)·v^(k),
// where v^(k)_j is the probability that the uniformized chain from j is served within k steps.
std::vector<double> ServedWithin(int agents, double mu, double theta, int max_ahead, double t) {
  const int jn = max_ahead + 1;
  std::vector<double> v(jn, 0.0), g(jn, 0.0);
  if (t <= 0) return g;
  const double service = agents * mu;
  const double unif = service + (max_ahead + 1) * theta;
  const double lt = unif * t;
  // Poisson weights in the log domain: e^{−Λt} underflows for Λt > ~745.
  const int k_max = static_cast<int>(lt + 10.0 * std::sqrt(lt) + 30.0);
  const double log_lt = std::log(lt);
  double log_w = -lt;  // log Poisson(0; Λt)
  for (int k = 0; k <= k_max; ++k) {
    if (k > 0) {
      // One uniformized step, j descending so v[j−1] is still the previous step's value.
      for (int j = jn - 1; j >= 0; --j) {
        const double advance = service + j * theta;
        const double ahead = j == 0 ? 1.0 : v[j - 1];
        v[j] = (advance / unif) * ahead + (1.0 - (advance + theta) / unif) * v[j];
      }
      log_w += log_lt - std::log(static_cast<double>(k));
    }
    const double w = std::exp(log_w);
    if (w == 0.0) continue;
    for (int j = 0; j < jn; ++j) g[j] += w * v[j];
  }
  return g;
}

}  // namespace

ErlangAMetrics EvaluateErlangA(int agents, double lambda_per_s, double aht_s, double patience_s,
                               double target_s) {
  ErlangAMetrics m;
  m.agents = agents;
  const double mu = 1.0 / aht_s;
  const double theta = 1.0 / patience_s;
  m.traffic = lambda_per_s / mu;
  if (lambda_per_s <= 0 || agents <= 0) {
    if (lambda_per_s > 0) {  // nobody to answer: everyone waits and abandons
      m.p_wait = 1;
      m.p_abandon = 1;
      m.service_level = 0;
      m.asa_s = patience_s;
    }
    return m;
  }
  const std::vector<double> p = StationaryWeights(agents, lambda_per_s, mu, theta);
  const int max_ahead = static_cast<int>(p.size()) - 1 - agents;
  double below = 0;
  for (int n = 0; n < agents; ++n) below += p[n];
  for (int n = agents; n < static_cast<int>(p.size()); ++n) {
    m.p_wait += p[n];
    m.queue_length += (n - agents) * p[n];
  }
  m.p_abandon = theta * m.queue_length / lambda_per_s;
  m.occupancy = lambda_per_s * (1.0 - m.p_abandon) / (agents * mu);
  m.asa_s = m.queue_length / lambda_per_s;
  const std::vector<double> g = ServedWithin(agents, mu, theta, max_ahead, target_s);
  double served_late = 0;
  for (int j = 0; j <= max_ahead; ++j) served_late += p[agents + j] * g[j];
  m.service_level = std::clamp(below + served_late, 0.0, 1.0);
  return m;
}

}  // namespace concord::wfm
