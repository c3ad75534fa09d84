// Notice of an assignment's end against the programme's minimum (issue 4 "Ends"; seed: "Manages assignment
// ends … as unique to Client's MSP process"). A programme may require a minimum notice, counted in
// business days (weekdays that are not federal holidays) or calendar days — the programme says which.
// Notice runs from the day after it is given up to and including the last day: notice given on Friday
// for a last day the next Friday is 7 calendar days, or 5 business days in an ordinary week.
//
// Pure: the calendar is passed in. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

enum class NoticeDayKind { kBusiness, kCalendar };

std::string_view ToString(NoticeDayKind kind);  // "business", "calendar"
// Error "notice.unknown_day_kind" (kInvalid, field "notice_day_kind").
Result<NoticeDayKind> ParseNoticeDayKind(std::string_view text);

struct NoticePolicy {
  int minimum_days = 0;  // 0: the programme asks for none
  NoticeDayKind kind = NoticeDayKind::kBusiness;
};

struct NoticeCheck {
  Date given_on;
  Date last_day;
  int days = 0;  // counted as the policy says
  int minimum_days = 0;
  NoticeDayKind kind = NoticeDayKind::kBusiness;
  bool short_notice = false;
  std::string reason;  // "4 business days of notice (2026-11-20 → 2026-11-27); the programme asks for 5"
};

// Days of notice from `given_on` to `last_day` (0 when the last day is on or before it), and whether that
// is less than the policy's minimum. `calendar` tells business days.
NoticeCheck CheckNotice(Date given_on, Date last_day, const NoticePolicy& policy, const BusinessCalendar& calendar);

}  // namespace concord::workforce
