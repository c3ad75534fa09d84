#include "wfm/interval_history.h"

#include <date/tz.h>

#include <string>

namespace concord::wfm {

Result<IntervalVolumes> BucketContacts(std::span<const ContactRecord> records, Date first_day, int days,
                                       int interval_min, std::string_view time_zone) {
  if (interval_min != 15 && interval_min != 30 && interval_min != 60)
    return Error::Invalid("wfm.interval_unsupported", "intervals must be 15, 30 or 60 minutes");
  if (days < 1) return Error::Invalid("wfm.days_invalid", "count at least one day");
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(std::string(time_zone));
  } catch (const std::exception&) {
    return Error::Invalid("calendar.unknown_time_zone",
                          "unknown time zone \"" + std::string(time_zone) + "\"");
  }
  const int per_day = 24 * 60 / interval_min;
  IntervalVolumes out;
  out.interval_min = interval_min;
  out.first_day = first_day;
  out.contacts.assign(static_cast<size_t>(days) * per_day, 0.0);
  out.aht_s.assign(out.contacts.size(), 0.0);
  std::vector<double> handle_sum(out.contacts.size(), 0.0);
  for (const ContactRecord& r : records) {
    const date::local_seconds local = zone->to_local(r.arrived.time());
    const auto local_day = std::chrono::floor<date::days>(local);
    const int day = static_cast<int>((local_day.time_since_epoch() -
                                      first_day.sys_days().time_since_epoch()).count());
    if (day < 0 || day >= days) {
      ++out.outside;
      continue;
    }
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - local_day).count();
    const size_t slot = static_cast<size_t>(day) * per_day + static_cast<size_t>(minute / interval_min);
    out.contacts[slot] += 1;
    handle_sum[slot] += static_cast<double>(r.handle_time.count());
  }
  for (size_t i = 0; i < out.contacts.size(); ++i)
    if (out.contacts[i] > 0) out.aht_s[i] = handle_sum[i] / out.contacts[i];
  return out;
}

std::vector<double> WeeklyAhtProfile(const IntervalVolumes& v) {
  const size_t per_day = static_cast<size_t>(24 * 60 / v.interval_min);
  std::vector<double> handle(7 * per_day, 0.0), count(7 * per_day, 0.0);
  double all_handle = 0, all_count = 0;
  for (size_t i = 0; i < v.contacts.size(); ++i) {
    const size_t week_slot = ((i / per_day) % 7) * per_day + i % per_day;
    handle[week_slot] += v.aht_s[i] * v.contacts[i];
    count[week_slot] += v.contacts[i];
    all_handle += v.aht_s[i] * v.contacts[i];
    all_count += v.contacts[i];
  }
  const double overall = all_count > 0 ? all_handle / all_count : 0.0;
  std::vector<double> out(7 * per_day, overall);
  for (size_t i = 0; i < out.size(); ++i)
    if (count[i] > 0) out[i] = handle[i] / count[i];
  return out;
}

}  // namespace concord::wfm
