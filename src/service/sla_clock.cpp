#include "service/sla_clock.h"

#include <algorithm>

#include "service/sla_timeline.h"

namespace concord::service {
namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr SlaMetric kMetrics[] = {SlaMetric::kFirstResponse, SlaMetric::kNextResponse,
                                  SlaMetric::kResolution};

// One measured wait: from anchor until end (the reply or solve), end absent while unfulfilled.
struct Cycle {
  Instant anchor;
  std::optional<Instant> end;
};

struct StatusSpan {
  Instant from;
  CaseStatus status;
};

minutes Whole(seconds s) { return duration_cast<minutes>(s); }  // truncates, as Zammad in_minutes

std::vector<StatusSpan> StatusSpans(std::span<const CaseEvent> history) {
  std::vector<StatusSpan> spans;
  for (const CaseEvent& e : history) {
    if (e.kind == CaseEventKind::kCreated || e.kind == CaseEventKind::kStatusChange)
      spans.push_back({e.at, e.status});
  }
  return spans;
}

// The clocks of one case under one policy.
class PolicyClock {
 public:
  PolicyClock(std::span<const CaseEvent> history, const SlaPolicy& policy, Instant now)
      : history_(history),
        policy_(policy),
        now_(now),
        spans_(StatusSpans(history)),
        timeline_(policy.calendar, PausesUntil(kForever)) {}

  std::vector<Cycle> Cycles(SlaMetric metric) const {
    const Instant created = history_.front().at;
    std::optional<Instant> first_response;
    for (const CaseEvent& e : history_) {
      if (e.kind == CaseEventKind::kAgentReply || e.kind == CaseEventKind::kAgentPublicNote) {
        first_response = e.at;
        break;
      }
    }
    switch (metric) {
      case SlaMetric::kFirstResponse:
        return {{created, first_response}};
      case SlaMetric::kResolution: {
        std::optional<Instant> solved;
        if (IsSolved(spans_.back().status)) {
          // The last entry into solved/closed (closed after solved keeps the solve time).
          for (size_t i = spans_.size(); i-- > 0;) {
            if (!IsSolved(spans_[i].status)) break;
            solved = spans_[i].from;
          }
        }
        return {{created, solved}};
      }
      case SlaMetric::kNextResponse:
        return NextResponseCycles(first_response);
    }
    return {};
  }

  // Appends the events of `metric` (none after now) to out, unsorted.
  void Events(SlaMetric metric, std::vector<SlaEvent>& out) const {
    const std::optional<minutes> target = policy_.Target(metric);
    if (!target) return;
    for (const Cycle& c : Cycles(metric)) {
      const std::optional<Instant> due = Due(c.anchor, *target);
      auto emit = [&](Instant at, SlaEventKind kind, std::optional<Instant> d, int escalation = -1) {
        out.push_back({at, kind, metric, policy_.id, d, escalation});
      };
      emit(c.anchor, SlaEventKind::kActivated, DueAsOf(c.anchor, *target, c.anchor));
      if (policy_.Pauses(StatusAt(c.anchor)))
        emit(c.anchor, SlaEventKind::kPaused, std::nullopt);
      for (size_t i = 1; i < spans_.size(); ++i) {
        const Instant t = spans_[i].from;
        if (!(c.anchor < t) || !Within(t, c)) continue;
        const CaseStatus before = spans_[i - 1].status, after = spans_[i].status;
        const bool ran = !policy_.Pauses(before), runs = !policy_.Pauses(after);
        if (metric == SlaMetric::kResolution && !IsSolved(before) && IsSolved(after)) {
          emit(t, SlaEventKind::kFulfilled, std::nullopt);  // solved, later reopened
        } else if (ran && !runs) {
          emit(t, SlaEventKind::kPaused, std::nullopt);
        } else if (!ran && runs) {
          emit(t, SlaEventKind::kResumed, DueAsOf(c.anchor, *target, t));
        } else if (metric == SlaMetric::kResolution && IsSolved(before) && !IsSolved(after)) {
          emit(t, SlaEventKind::kPaused, std::nullopt);  // reopened into a pause status
        }
      }
      if (policy_.due_soon_before.count() > 0) {
        const std::optional<Instant> w = Warn(c.anchor, *target - policy_.due_soon_before);
        if (w && Within(*w, c)) emit(*w, SlaEventKind::kDueSoon, due);
      }
      for (size_t k = 0; k < policy_.escalations.size(); ++k) {
        const EscalationRule& rule = policy_.escalations[k];
        if (rule.metric != metric) continue;
        const std::optional<Instant> w = Warn(c.anchor, *target - rule.before_due);
        if (w && Within(*w, c)) emit(*w, SlaEventKind::kEscalated, due, static_cast<int>(k));
      }
      if (due && Late(*due, c)) emit(*due, SlaEventKind::kBreached, due);
      if (c.end) emit(*c.end, SlaEventKind::kFulfilled, due);
    }
  }

  // Instants after now at which an event of `metric` would fire if nothing else happens.
  std::optional<Instant> NextCheck(SlaMetric metric) const {
    const std::optional<minutes> target = policy_.Target(metric);
    if (!target) return std::nullopt;
    std::optional<Instant> next;
    auto consider = [&](std::optional<Instant> t) {
      if (t && now_ < *t && (!next || *t < *next)) next = t;
    };
    for (const Cycle& c : Cycles(metric)) {
      if (c.end) continue;
      consider(Due(c.anchor, *target));
      if (policy_.due_soon_before.count() > 0)
        consider(Warn(c.anchor, *target - policy_.due_soon_before));
      for (const EscalationRule& rule : policy_.escalations)
        if (rule.metric == metric) consider(Warn(c.anchor, *target - rule.before_due));
    }
    return next;
  }

  MetricReport Report(SlaMetric metric) const {
    MetricReport r;
    r.metric = metric;
    r.target = policy_.Target(metric);
    if (!r.target) return r;
    const std::vector<Cycle> cycles = Cycles(metric);
    if (cycles.empty()) return r;
    for (const Cycle& c : cycles) {
      const std::optional<Instant> due = Due(c.anchor, *r.target);
      if (due && Late(*due, c)) ++r.breaches;
      if (c.end) {
        const minutes took = Whole(timeline_.Between(c.anchor, *c.end));
        if (!r.elapsed || took > *r.elapsed) r.elapsed = took;  // next response: the longest wait
      }
    }
    r.breached = r.breaches > 0;
    if (r.elapsed) r.diff = *r.target - *r.elapsed;
    const Cycle& last = cycles.back();
    if (last.end) {
      r.state = MetricState::kFulfilled;
      r.fulfilled_at = last.end;
      return r;
    }
    r.remaining = *r.target - Whole(timeline_.Between(last.anchor, now_));
    if (policy_.Pauses(spans_.back().status)) {
      r.state = MetricState::kPaused;
    } else {
      r.state = MetricState::kRunning;
      r.due = Due(last.anchor, *r.target);
    }
    return r;
  }

  // Due time of a clock anchored at `anchor`, as it stood at `at`: pauses after `at` unknown, a
  // pause running at `at` open-ended (so nullopt while paused).
  std::optional<Instant> DueAsOf(Instant anchor, minutes target, Instant at) const {
    return BusinessTimeline(policy_.calendar, PausesUntil(at)).Add(anchor, target, DueFit());
  }

  std::optional<Instant> Due(Instant anchor, minutes target) const {
    return timeline_.Add(anchor, target, DueFit());
  }

  const BusinessTimeline& timeline() const { return timeline_; }

 private:
  ExactFit DueFit() const {
    return policy_.semantics.exact_fit_moves_to_next_opening ? ExactFit::kNextOpening
                                                             : ExactFit::kAtEnd;
  }

  // Warnings and escalations fire at the next business moment, never at a closing time, so that a
  // notification goes out while people are at work.
  std::optional<Instant> Warn(Instant anchor, minutes amount) const {
    return timeline_.Add(anchor, std::max(amount, minutes(0)), ExactFit::kNextOpening);
  }

  // An instant inside the cycle's measured span: before its fulfilment, or up to now while open.
  bool Within(Instant t, const Cycle& c) const { return c.end ? t < *c.end : t <= now_; }
  // Late: fulfilled after the due time, or still open at or after it.
  bool Late(Instant due, const Cycle& c) const { return c.end ? due < *c.end : due <= now_; }

  CaseStatus StatusAt(Instant t) const {
    CaseStatus s = spans_.front().status;
    for (const StatusSpan& span : spans_) {
      if (t < span.from) break;
      s = span.status;
    }
    return s;
  }

  // Pause spans known at `at`: status spans starting at or before it; the last open-ended.
  std::vector<TimeSpan> PausesUntil(Instant at) const {
    std::vector<TimeSpan> pauses;
    for (size_t i = 0; i < spans_.size(); ++i) {
      if (at < spans_[i].from) break;
      if (!policy_.Pauses(spans_[i].status)) continue;
      const bool last = i + 1 == spans_.size() || at < spans_[i + 1].from;
      pauses.push_back({spans_[i].from, last ? kForever : spans_[i + 1].from});
    }
    return pauses;
  }

  // Zammad observer/last_contact.rb: the update clock runs from the first requester message that
  // follows an agent contact (or none); the next agent contact answers it.
  std::vector<Cycle> NextResponseCycles(std::optional<Instant> first_response) const {
    std::vector<Cycle> cycles;
    const bool early = policy_.semantics.arm_next_response_before_first_response;
    bool waiting = false;
    for (const CaseEvent& e : history_) {
      const bool responded = first_response && !(e.at < *first_response);
      switch (e.kind) {
        case CaseEventKind::kCreated:
          if (e.by_requester && early) {
            cycles.push_back({e.at, std::nullopt});
            waiting = true;
          }
          break;
        case CaseEventKind::kRequesterReply:
          if (!waiting && (early || responded)) {
            cycles.push_back({e.at, std::nullopt});
            waiting = true;
          }
          break;
        case CaseEventKind::kAgentReply:
          if (waiting) {
            cycles.back().end = e.at;
            waiting = false;
          }
          break;
        default:
          break;
      }
    }
    return cycles;
  }

  std::span<const CaseEvent> history_;
  const SlaPolicy& policy_;
  Instant now_;
  std::vector<StatusSpan> spans_;
  BusinessTimeline timeline_;
};

int KindRank(SlaEventKind kind) {
  switch (kind) {
    case SlaEventKind::kActivated: return 0;
    case SlaEventKind::kResumed: return 1;
    case SlaEventKind::kDueSoon: return 2;
    case SlaEventKind::kEscalated: return 3;
    case SlaEventKind::kBreached: return 4;
    case SlaEventKind::kFulfilled: return 5;
    case SlaEventKind::kPaused: return 6;
  }
  return 7;
}

Status CheckHistory(std::span<const CaseEvent> history) {
  if (history.empty()) return Error::Invalid("sla.history_empty", "a case history needs its creation");
  if (history.front().kind != CaseEventKind::kCreated)
    return Error::Invalid("sla.history_must_start_with_created",
                          "a case history starts with the case's creation");
  for (size_t i = 1; i < history.size(); ++i) {
    if (history[i].at < history[i - 1].at)
      return Error::Invalid("sla.history_unordered", "case events must be in time order");
    if (history[i].kind == CaseEventKind::kCreated)
      return Error::Invalid("sla.history_must_start_with_created", "a case is created only once");
  }
  return {};
}

}  // namespace

const char* SlaEventKindName(SlaEventKind kind) {
  switch (kind) {
    case SlaEventKind::kActivated: return "activated";
    case SlaEventKind::kPaused: return "paused";
    case SlaEventKind::kResumed: return "resumed";
    case SlaEventKind::kDueSoon: return "due_soon";
    case SlaEventKind::kEscalated: return "escalated";
    case SlaEventKind::kFulfilled: return "fulfilled";
    case SlaEventKind::kBreached: return "breached";
  }
  return "unknown";
}

const char* MetricStateName(MetricState state) {
  switch (state) {
    case MetricState::kNone: return "none";
    case MetricState::kRunning: return "running";
    case MetricState::kPaused: return "paused";
    case MetricState::kFulfilled: return "fulfilled";
  }
  return "unknown";
}

const MetricReport& SlaReport::metric(SlaMetric m) const {
  switch (m) {
    case SlaMetric::kFirstResponse: return first_response;
    case SlaMetric::kNextResponse: return next_response;
    case SlaMetric::kResolution: return resolution;
  }
  return resolution;
}

Result<SlaReport> ComputeSla(std::span<const CaseEvent> history,
                             const std::map<std::string, SlaPolicy, std::less<>>& policies,
                             Instant now) {
  if (Status s = CheckHistory(history); !s) return s.error();
  // Only what had happened by `now`.
  const auto end = std::find_if(history.begin(), history.end(),
                                [&](const CaseEvent& e) { return now < e.at; });
  const std::span<const CaseEvent> known(history.begin(), end);
  SlaReport report;
  report.first_response.metric = SlaMetric::kFirstResponse;
  report.next_response.metric = SlaMetric::kNextResponse;
  report.resolution.metric = SlaMetric::kResolution;
  if (known.empty()) return report;  // not created yet

  // The policy in force from each change on.
  struct Segment {
    Instant from;
    const SlaPolicy* policy;  // nullptr: no SLA
  };
  std::vector<Segment> segments;
  for (const CaseEvent& e : known) {
    if (e.kind != CaseEventKind::kCreated && e.kind != CaseEventKind::kPolicyChange) continue;
    const SlaPolicy* policy = nullptr;
    if (!e.policy_id.empty()) {
      auto it = policies.find(e.policy_id);
      if (it == policies.end())
        return Error::Invalid("sla.unknown_policy", "no SLA policy \"" + e.policy_id + "\"",
                              {{"policy_id", "sla.unknown_policy", e.policy_id}});
      if (Status s = it->second.Validate(); !s) return s.error();
      policy = &it->second;
    }
    segments.push_back({e.at, policy});
  }

  for (size_t i = 0; i < segments.size(); ++i) {
    const SlaPolicy* policy = segments[i].policy;
    if (policy == nullptr) continue;
    const Instant from = segments[i].from;
    // Instant rather than optional<Instant>: g++ 12 -O3 warns (falsely) of an uninitialised optional.
    const bool last_segment = i + 1 == segments.size();
    const Instant until = last_segment ? kForever : segments[i + 1].from;
    const PolicyClock clock(known, *policy, now);
    std::vector<SlaEvent> events;
    for (SlaMetric m : kMetrics) clock.Events(m, events);
    for (SlaEvent& e : events) {
      if (e.at < from || !(e.at < until)) continue;
      report.events.push_back(std::move(e));
    }
    if (i > 0) {
      // A policy change re-targets every clock still open at the change; one already overdue under
      // the new policy breaches at once (Zammad warns of the same on reopen).
      for (SlaMetric m : kMetrics) {
        const std::optional<minutes> target = policy->Target(m);
        if (!target) continue;
        for (const Cycle& c : clock.Cycles(m)) {
          if (!(c.anchor < from) || (c.end && !(from < *c.end))) continue;
          const std::optional<Instant> due = clock.Due(c.anchor, *target);
          report.events.push_back({from, SlaEventKind::kActivated, m, policy->id,
                                   clock.DueAsOf(c.anchor, *target, from)});
          if (due && *due < from) report.events.push_back({from, SlaEventKind::kBreached, m, policy->id, due});
        }
      }
    }
    if (last_segment) {
      report.policy_id = policy->id;
      report.paused = policy->Pauses(StatusSpans(known).back().status);
      report.first_response = clock.Report(SlaMetric::kFirstResponse);
      report.next_response = clock.Report(SlaMetric::kNextResponse);
      report.resolution = clock.Report(SlaMetric::kResolution);
      for (SlaMetric m : kMetrics) {
        const std::optional<Instant> t = clock.NextCheck(m);
        if (t && (!report.next_check || *t < *report.next_check)) report.next_check = t;
      }
    }
  }

  for (const MetricReport* m : {&report.first_response, &report.next_response, &report.resolution}) {
    if (m->due && (!report.next_due || *m->due < *report.next_due)) report.next_due = m->due;
  }
  std::stable_sort(report.events.begin(), report.events.end(),
                   [](const SlaEvent& a, const SlaEvent& b) {
                     if (a.at != b.at) return a.at < b.at;
                     if (a.metric != b.metric) return a.metric < b.metric;
                     return KindRank(a.kind) < KindRank(b.kind);
                   });
  return report;
}

Result<SlaReport> ComputeSla(std::span<const CaseEvent> history, const SlaPolicy& policy, Instant now) {
  if (Status s = policy.Validate(); !s) return s.error();
  std::vector<CaseEvent> own;
  own.reserve(history.size());
  for (const CaseEvent& e : history) {
    if (e.kind == CaseEventKind::kPolicyChange) continue;
    own.push_back(e);
    if (e.kind == CaseEventKind::kCreated) own.back().policy_id = policy.id;
  }
  std::map<std::string, SlaPolicy, std::less<>> one{{policy.id, policy}};
  return ComputeSla(own, one, now);
}

}  // namespace concord::service
