// Erlang A (M/M/N+M): Erlang C with exponential customer patience, so callers abandon.
//
// Solved exactly as a birth–death chain, following pyworkforce ErlangA (rodrigo-arenas/pyworkforce)
// and Palm (1943) / Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient
// customers", M&SOM 4(3):
//   birth rate λ; death rate in state n: min(n, N)·μ + max(n − N, 0)·θ, μ = 1/AHT, θ = 1/patience.
// The chain is truncated once a term falls below 1e-15 of the accumulated mass, rescaling as it
// goes so that thousands of agents do not overflow. Stable at any load (abandonment bounds the queue).
#pragma once

namespace concord::wfm {

struct ErlangAMetrics {
  int agents = 0;
  double traffic = 0;        // A = λ/μ
  double p_wait = 0;         // Pw = Σ_{n≥N} p_n (an arrival finds all agents busy, PASTA)
  double queue_length = 0;   // Lq = Σ (n − N)·p_n
  double p_abandon = 0;      // θ·Lq/λ
  double service_level = 1;  // P(served within T); abandoned calls do not meet SL
  double asa_s = 0;          // Lq/λ (Little's law; averages over all arrivals, abandoners included)
  double occupancy = 0;      // λ·(1 − P_ab)/(N·μ)
};

// Erlang A metrics for `agents` >= 1 agents, arrival rate per second lambda_per_s >= 0,
// average handle time aht_s > 0, average patience patience_s > 0 (finite), SL threshold target_s.
ErlangAMetrics EvaluateErlangA(int agents, double lambda_per_s, double aht_s, double patience_s,
                               double target_s);

}  // namespace concord::wfm
