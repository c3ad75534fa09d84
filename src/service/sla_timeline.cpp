#include "service/sla_timeline.h"

#include <algorithm>

namespace concord::service {
namespace {

// A valid calendar is open some day every week; only a decade of holidays runs past this.
constexpr int kMaxClosedDays = 3660;

std::vector<TimeSpan> Merge(std::vector<TimeSpan> spans) {
  std::erase_if(spans, [](const TimeSpan& s) { return !(s.from < s.to); });
  std::sort(spans.begin(), spans.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.from < b.from; });
  std::vector<TimeSpan> out;
  for (const TimeSpan& s : spans) {
    if (!out.empty() && s.from <= out.back().to) {
      out.back().to = std::max(out.back().to, s.to);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace

BusinessTimeline::BusinessTimeline(const BusinessCalendar& calendar, std::vector<TimeSpan> pauses)
    : calendar_(calendar), pauses_(Merge(std::move(pauses))) {}

template <class Visit>
void BusinessTimeline::ForEachSegment(Date day, Visit&& visit) const {
  for (const auto& [open, close] : calendar_.OpenSpans(day)) {
    Instant from = open;
    // Pauses are sorted and disjoint: cut each one out of [open, close).
    auto it = std::lower_bound(pauses_.begin(), pauses_.end(), open,
                               [](const TimeSpan& p, Instant t) { return p.to <= t; });
    for (; it != pauses_.end() && it->from < close; ++it) {
      if (from < it->from) visit(from, it->from);
      from = std::max(from, it->to);
      if (!(from < close)) break;
    }
    if (from < close) visit(from, close);
  }
}

std::optional<Instant> BusinessTimeline::Add(Instant start, std::chrono::seconds amount,
                                             ExactFit fit) const {
  std::chrono::seconds remaining = std::max(amount, std::chrono::seconds(0));
  const std::optional<Instant> open_pause =
      !pauses_.empty() && pauses_.back().to == kForever ? std::optional(pauses_.back().from)
                                                        : std::nullopt;
  std::optional<Instant> result;
  bool exact_fit_pending = false;  // kNextOpening: the amount ran out exactly at a segment's end
  int closed_in_a_row = 0;
  // Start a day early: the local date of `start` is exact, the margin keeps the loop simple.
  for (Date day = calendar_.LocalDate(start).AddDays(-1); !result; day = day.AddDays(1)) {
    bool any = false;
    ForEachSegment(day, [&](Instant from, Instant to) {
      if (result || to <= start) return;
      any = true;
      const Instant begin = std::max(from, start);
      if (exact_fit_pending) {
        result = begin;
        return;
      }
      const std::chrono::seconds length = to - begin;
      if (remaining < length) {
        result = begin + remaining;
      } else if (remaining == length) {
        if (fit == ExactFit::kAtEnd) {
          result = to;
        } else {
          exact_fit_pending = true;
        }
      } else {
        remaining -= length;
      }
    });
    if (result) break;
    // Everything from here on lies inside a pause that has not ended: no answer yet.
    if (open_pause && calendar_.LocalDate(*open_pause) < day) return std::nullopt;
    closed_in_a_row = any ? 0 : closed_in_a_row + 1;
    if (closed_in_a_row > kMaxClosedDays) return std::nullopt;
  }
  return result;
}

std::chrono::seconds BusinessTimeline::Between(Instant a, Instant b) const {
  std::chrono::seconds total{0};
  if (!(a < b)) return total;
  const Date last = calendar_.LocalDate(b).AddDays(1);
  for (Date day = calendar_.LocalDate(a).AddDays(-1); day <= last; day = day.AddDays(1)) {
    ForEachSegment(day, [&](Instant from, Instant to) {
      const Instant begin = std::max(from, a), end = std::min(to, b);
      if (begin < end) total += end - begin;
    });
  }
  return total;
}

}  // namespace concord::service
