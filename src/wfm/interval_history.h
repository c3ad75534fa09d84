// Interval history: contacts (cases, calls, chats) counted into 15/30/60-minute intervals of local
// time, with their mean handle time, ready for forecasting and staffing.
#pragma once

#include <chrono>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "wfm/forecast.h"

namespace concord::wfm {

struct ContactRecord {
  Instant arrived;
  std::chrono::seconds handle_time{0};  // talk + hold + wrap-up
  bool handled = true;                  // false: abandoned, offered but never handled (not in the AHT)
};

struct IntervalVolumes {
  int interval_min = 30;
  Date first_day;                // local date of the first interval
  std::vector<double> contacts;  // days × intervals per day, local midnight first
  std::vector<double> aht_s;     // mean handle time of the handled contacts; 0 where none were handled
  std::vector<double> handled;   // contacts handled per interval (the weights of aht_s); empty: all were
  int outside = 0;               // records before first_day or after the last day, not counted

  IntervalHistory history() const { return {interval_min, contacts}; }
};

// Counts records by the local wall-clock interval they arrived in (time_zone an IANA name), over
// `days` days from first_day. Wall-clock buckets keep every day the same shape across daylight-saving
// changes: the repeated hour of a fall-back night adds into the same intervals, the skipped hour of
// a spring-forward night stays empty — both fall at night, outside contact-centre hours.
// Errors: "wfm.interval_unsupported", "wfm.days_invalid", "calendar.unknown_time_zone".
Result<IntervalVolumes> BucketContacts(std::span<const ContactRecord> records, Date first_day, int days,
                                       int interval_min, std::string_view time_zone);

// A contact from any source (an imported call, a logged call, a case, a chat) named by its queue key:
// the one shape every source is reduced to before counting, so new sources need no new aggregation.
struct QueuedContact {
  std::string queue;  // queue key
  Instant arrived;
  std::chrono::seconds handle_time{0};
  bool handled = true;
};

// BucketContacts for each queue key present in `contacts` (keys with no contact are absent).
Result<std::map<std::string, IntervalVolumes>> BucketByQueue(std::span<const QueuedContact> contacts,
                                                             Date first_day, int days, int interval_min,
                                                             std::string_view time_zone);

// Contact-weighted mean handle time for each interval of the week: index (day % 7)·per_day + interval,
// day counted from first_day. Intervals of the week with no contacts take the overall mean.
std::vector<double> WeeklyAhtProfile(const IntervalVolumes& volumes);

}  // namespace concord::wfm
