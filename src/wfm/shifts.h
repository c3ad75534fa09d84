// Named agents' shifts as the source of "scheduled" (pure): each agent counts as one position in every
// interval their shift covers entirely, so a queue's scheduled staff per interval can come from who is
// rostered rather than only from an imported count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "wfm/wfm_store.h"

namespace concord::wfm {

// "HH:MM" (00:00–23:59) as minutes after midnight; nullopt when it is not one.
std::optional<int> ParseClock(const std::string& text);

// Field errors (day, start, end) for a shift that cannot be: a bad date, start outside the day, an end
// not after the start, longer than a day.
std::vector<FieldError> CheckShift(const Shift& shift, const std::string& where);

// Positions on shift per interval of interval_min minutes: an agent counts in an interval only when on
// shift for all of it (09:10–17:00 counts from 09:30 in 30-minute intervals). Intervals past midnight
// belong to the next day. Sorted by day and start.
std::vector<ScheduleEntry> ScheduledFromShifts(const std::vector<Shift>& shifts, int interval_min);

// A day with any rostered interval takes its figures from the shifts; other days keep the imported ones.
std::vector<ScheduleEntry> MergeSchedules(const std::vector<ScheduleEntry>& imported,
                                          const std::vector<ScheduleEntry>& rostered);

}  // namespace concord::wfm
