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
  out.handled.assign(out.contacts.size(), 0.0);
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
    out.contacts[slot] += 1;  // offered: abandoned contacts count toward the volume
    if (!r.handled) continue;
    out.handled[slot] += 1;
    handle_sum[slot] += static_cast<double>(r.handle_time.count());
  }
  for (size_t i = 0; i < out.contacts.size(); ++i)
    if (out.handled[i] > 0) out.aht_s[i] = handle_sum[i] / out.handled[i];
  return out;
}

Result<std::map<std::string, IntervalVolumes>> BucketByQueue(std::span<const QueuedContact> contacts,
                                                             Date first_day, int days, int interval_min,
                                                             std::string_view time_zone) {
  std::map<std::string, std::vector<ContactRecord>> by_queue;
  for (const QueuedContact& c : contacts) by_queue[c.queue].push_back({c.arrived, c.handle_time, c.handled});
  std::map<std::string, IntervalVolumes> out;
  for (const auto& [queue, records] : by_queue) {
    out.emplace(queue, TRY(BucketContacts(records, first_day, days, interval_min, time_zone)));
  }
  return out;
}

std::vector<double> WeeklyAhtProfile(const IntervalVolumes& v) {
  const size_t per_day = static_cast<size_t>(24 * 60 / v.interval_min);
  std::vector<double> handle(7 * per_day, 0.0), count(7 * per_day, 0.0);
  double all_handle = 0, all_count = 0;
  const std::vector<double>& weight = v.handled.empty() ? v.contacts : v.handled;
  for (size_t i = 0; i < v.contacts.size(); ++i) {
    const size_t week_slot = ((i / per_day) % 7) * per_day + i % per_day;
    handle[week_slot] += v.aht_s[i] * weight[i];
    count[week_slot] += weight[i];
    all_handle += v.aht_s[i] * weight[i];
    all_count += weight[i];
  }
  const double overall = all_count > 0 ? all_handle / all_count : 0.0;
  std::vector<double> out(7 * per_day, overall);
  for (size_t i = 0; i < out.size(); ++i)
    if (count[i] > 0) out[i] = handle[i] / count[i];
  return out;
}

}  // namespace concord::wfm
