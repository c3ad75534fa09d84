#include "wfm/staffing.h"

#include <cmath>
#include <limits>

#include "wfm/erlang.h"
#include "wfm/erlang_a.h"

namespace concord::wfm {
namespace {

Error Bad(const char* field, const char* code, const char* message) {
  return Error::Invalid(code, message, {{field, code, message}});
}

bool Finite(double x) { return std::isfinite(x); }

StaffingResult FromErlangC(const ErlangCMetrics& m, double shrinkage) {
  StaffingResult r;
  r.model = StaffingModel::kErlangC;
  r.agents = m.agents;
  r.positions = PositionsAfterShrinkage(m.agents, shrinkage);
  r.traffic = m.traffic;
  r.service_level = m.service_level;
  r.p_wait = m.p_wait;
  r.asa_s = m.asa_s;
  r.occupancy = m.occupancy;
  return r;
}

StaffingResult FromErlangA(const ErlangAMetrics& m, double shrinkage) {
  StaffingResult r;
  r.model = StaffingModel::kErlangA;
  r.agents = m.agents;
  r.positions = PositionsAfterShrinkage(m.agents, shrinkage);
  r.traffic = m.traffic;
  r.service_level = m.service_level;
  r.p_wait = m.p_wait;
  r.asa_s = m.asa_s;
  r.occupancy = m.occupancy;
  r.p_abandon = m.p_abandon;
  return r;
}

// Occupancy above the cap, tolerant of rounding (A/N computed exactly at the cap is not "above").
bool AboveCap(double occupancy, double cap) { return occupancy > cap * (1.0 + 1e-12); }

}  // namespace

const char* ModelName(StaffingModel model) {
  return model == StaffingModel::kErlangA ? "erlang_a" : "erlang_c";
}

Result<StaffingRequest> ValidateStaffing(const StaffingRequest& r) {
  if (!Finite(r.contacts) || r.contacts < 0)
    return Bad("contacts", "wfm.contacts_invalid", "contacts must be a number >= 0");
  if (!Finite(r.interval_s) || r.interval_s <= 0)
    return Bad("interval", "wfm.interval_invalid", "the interval must be longer than 0");
  if (!Finite(r.aht_s) || r.aht_s <= 0)
    return Bad("aht_s", "wfm.aht_invalid", "average handle time must be > 0 seconds");
  if (!Finite(r.target_sl) || r.target_sl <= 0 || r.target_sl >= 1)
    return Bad("target_sl", "wfm.target_sl_invalid",
               "the service-level target must be between 0 and 1 (exclusive), e.g. 0.8");
  if (!Finite(r.target_s) || r.target_s < 0)
    return Bad("target_s", "wfm.target_s_invalid", "the answer-time target must be >= 0 seconds");
  if (!Finite(r.shrinkage) || r.shrinkage < 0 || r.shrinkage >= 1)
    return Bad("shrinkage", "wfm.shrinkage_invalid", "shrinkage must be in [0, 1)");
  if (!Finite(r.max_occupancy) || r.max_occupancy <= 0 || r.max_occupancy > 1)
    return Bad("max_occupancy", "wfm.max_occupancy_invalid", "maximum occupancy must be in (0, 1]");
  if (r.patience_s && (!Finite(*r.patience_s) || *r.patience_s <= 0))
    return Bad("patience_s", "wfm.patience_invalid", "patience must be > 0 seconds");
  if (!Finite(r.max_abandonment) || r.max_abandonment <= 0 || r.max_abandonment > 1)
    return Bad("max_abandonment", "wfm.max_abandonment_invalid",
               "maximum abandonment must be in (0, 1]");
  // Far beyond any contact centre; keeps the agent count inside an int and the searches finite.
  if (TrafficErlangs(r.contacts, r.interval_s, r.aht_s) > 1e6)
    return Bad("contacts", "wfm.traffic_too_high", "offered traffic above 1,000,000 Erlangs");
  return r;
}

StaffingResult SizeErlangC(double traffic, double aht_s, double target_sl, double target_s,
                           double max_occupancy, double shrinkage) {
  if (traffic <= 0) return FromErlangC(ErlangCMetricsFromB(0, 0, 1, aht_s, target_s), shrinkage);
  int n = static_cast<int>(std::lround(traffic + 1.0));  // pyworkforce: N = round(A + 1) > A
  ErlangBRecurrence erlang_b(traffic);
  double b = erlang_b.AdvanceTo(n);
  ErlangCMetrics m = ErlangCMetricsFromB(n, traffic, b, aht_s, target_s);
  while (m.service_level < target_sl) {
    b = erlang_b.Next();
    ++n;
    m = ErlangCMetricsFromB(n, traffic, b, aht_s, target_s);
  }
  if (AboveCap(m.occupancy, max_occupancy)) {
    n = CeilTolerant(traffic / max_occupancy);
    m = ErlangCMetricsFromB(n, traffic, erlang_b.AdvanceTo(n), aht_s, target_s);
  }
  return FromErlangC(m, shrinkage);
}

StaffingResult SizeErlangA(const StaffingRequest& r) {
  const double lambda = r.contacts / r.interval_s;
  const double patience = *r.patience_s;
  auto evaluate = [&](int n) { return EvaluateErlangA(n, lambda, r.aht_s, patience, r.target_s); };
  auto meets = [&](const ErlangAMetrics& m) {
    return m.service_level >= r.target_sl && !AboveCap(m.occupancy, r.max_occupancy) &&
           m.p_abandon <= r.max_abandonment;
  };
  const double traffic = TrafficErlangs(r.contacts, r.interval_s, r.aht_s);
  auto finish = [&](const ErlangAMetrics& m) {
    StaffingResult out = FromErlangA(m, r.shrinkage);
    out.traffic = traffic;  // contacts·AHT/interval, not the rounded λ/μ
    return out;
  };
  if (lambda <= 0) return finish(evaluate(0));
  // SL rises, occupancy and abandonment fall as N grows (pyworkforce checks SL monotone in N), so
  // the smallest N is found by doubling to a feasible bound, then bisecting: O(log N) evaluations.
  int lo = 0;  // infeasible (no agents)
  int hi = std::max(1, static_cast<int>(std::ceil(traffic)));
  ErlangAMetrics best = evaluate(hi);
  while (!meets(best)) {
    lo = hi;
    hi *= 2;
    best = evaluate(hi);
  }
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    ErlangAMetrics m = evaluate(mid);
    if (meets(m)) {
      hi = mid;
      best = m;
    } else {
      lo = mid;
    }
  }
  return finish(best);
}

Result<StaffingResult> Staff(const StaffingRequest& request) {
  Result<StaffingRequest> valid = ValidateStaffing(request);
  if (!valid) return valid.error();
  const StaffingRequest& r = *valid;
  if (r.patience_s) return SizeErlangA(r);
  return SizeErlangC(TrafficErlangs(r.contacts, r.interval_s, r.aht_s), r.aht_s, r.target_sl,
                     r.target_s, r.max_occupancy, r.shrinkage);
}

std::vector<StaffingResult> StaffIntervals(std::span<const double> contacts, double interval_s,
                                           double aht_s, double target_sl, double target_s,
                                           double max_occupancy, double shrinkage) {
  std::vector<StaffingResult> out;
  out.reserve(contacts.size());
  for (double c : contacts)
    out.push_back(SizeErlangC(TrafficErlangs(c, interval_s, aht_s), aht_s, target_sl, target_s,
                              max_occupancy, shrinkage));
  return out;
}

std::vector<StaffingResult> StaffIntervals(std::span<const IntervalDemand> demand, double interval_s,
                                           double target_sl, double target_s, double max_occupancy,
                                           double shrinkage) {
  std::vector<StaffingResult> out;
  out.reserve(demand.size());
  for (const IntervalDemand& d : demand)
    out.push_back(SizeErlangC(TrafficErlangs(d.contacts, interval_s, d.aht_s), d.aht_s, target_sl,
                              target_s, max_occupancy, shrinkage));
  return out;
}

int RequiredErlangB(double traffic, double max_blocking) {
  if (traffic <= 0) return 0;
  ErlangBRecurrence erlang_b(traffic);
  while (erlang_b.blocking() > max_blocking) erlang_b.Next();
  return erlang_b.agents();
}

}  // namespace concord::wfm
