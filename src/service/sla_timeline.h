// Business time on a calendar minus pauses: the clock every SLA metric runs on.
//
// This is Zammad's "calendar minus breaks" (TicketBizBreak: breaks are subtracted from the calendar's
// periods, zendesk/biz TimeSegment#/), with two differences, both kept deliberately:
//   - pauses are exact to the second; Zammad truncates break edges to whole minutes
//     (strftime('%H:%M'));
//   - an amount that ends exactly where business time stops (a closing time or the start of a pause)
//     ends there, unless ExactFit::kNextOpening asks for biz's rule (the start of the next period).
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"

namespace concord::service {

// [from, to); to == kForever for a pause still running.
struct TimeSpan {
  Instant from;
  Instant to;
};

inline constexpr Instant kForever{std::chrono::sys_seconds::max()};

enum class ExactFit {
  kAtEnd,        // concord: the instant business time runs out
  kNextOpening,  // zendesk/biz ≥ 1.8.2 (Timeline::Abstract#for "overflow?"): the next period's start
};

class BusinessTimeline {
 public:
  // calendar must have passed Validate(); it is referenced, not copied, and must outlive this.
  // pauses may overlap and come in any order.
  BusinessTimeline(const BusinessCalendar& calendar, std::vector<TimeSpan> pauses);

  // The instant at which `amount` (>= 0) of business time outside pauses has elapsed from start.
  // amount == 0 answers the next business moment. nullopt when the time would only come after the end
  // of a pause still running (kForever), or beyond ten years of closed days.
  std::optional<Instant> Add(Instant start, std::chrono::seconds amount, ExactFit fit) const;

  // Business time outside pauses in [a, b); 0 when b <= a.
  std::chrono::seconds Between(Instant a, Instant b) const;

  const std::vector<TimeSpan>& pauses() const { return pauses_; }  // sorted, merged

 private:
  // Calls visit(segment_from, segment_to) for each open, unpaused segment of local `day`, in order.
  template <class Visit>
  void ForEachSegment(Date day, Visit&& visit) const;

  const BusinessCalendar& calendar_;
  std::vector<TimeSpan> pauses_;
};

}  // namespace concord::service
