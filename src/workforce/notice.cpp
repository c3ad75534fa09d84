#include "workforce/notice.h"

#include <fmt/format.h>

namespace concord::workforce {

std::string_view ToString(NoticeDayKind kind) { return kind == NoticeDayKind::kBusiness ? "business" : "calendar"; }

Result<NoticeDayKind> ParseNoticeDayKind(std::string_view text) {
  if (text == "business") return NoticeDayKind::kBusiness;
  if (text == "calendar") return NoticeDayKind::kCalendar;
  const std::string message = fmt::format("'{}' is not business or calendar.", text);
  return Error::Invalid("notice.unknown_day_kind", message, {{"notice_day_kind", "field.choice", message}});
}

NoticeCheck CheckNotice(Date given_on, Date last_day, const NoticePolicy& policy, const BusinessCalendar& calendar) {
  NoticeCheck out{given_on, last_day, 0, policy.minimum_days, policy.kind, false, ""};
  for (Date d = given_on.AddDays(1); d <= last_day; d = d.AddDays(1)) {
    if (policy.kind == NoticeDayKind::kCalendar || calendar.IsBusinessDay(d)) ++out.days;
  }
  out.short_notice = out.days < policy.minimum_days;
  out.reason = fmt::format("{} {} day{} of notice ({} → {}); the programme asks for {}", out.days, ToString(policy.kind),
                           out.days == 1 ? "" : "s", given_on.ToString(), last_day.ToString(), policy.minimum_days);
  return out;
}

}  // namespace concord::workforce
